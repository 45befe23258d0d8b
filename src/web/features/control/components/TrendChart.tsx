import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTrend } from '../../../../shared/api/control.js';
import { formatDate, formatShare } from '../format.js';

const W = 720;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };

/** Runs of consecutive weeks that have a level: a week without a report breaks the line. */
function segments(levels: (number | null)[], x: (i: number) => number, y: (v: number) => number): string[] {
  const out: string[][] = [[]];
  levels.forEach((v, i) => {
    if (v === null) out.push([]);
    else out[out.length - 1].push(`${x(i)},${y(v)}`);
  });
  return out.filter((s) => s.length).map((s) => s.join(' '));
}

/**
 * The school's level week by week, from the weekly reports, as a line (a small SVG chart of our
 * own: Mantine core has no chart, and one line does not justify recharts and its weight).
 */
export function TrendChart({ trend, selectedFrom }: { trend: TTrend; selectedFrom?: string }) {
  const { t } = useTranslation();
  const weeks = trend.weeks;
  if (!weeks.length) return <Text c="dimmed">{t('control.trendEmpty')}</Text>;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (weeks.length === 1 ? innerW / 2 : (i * innerW) / (weeks.length - 1));
  const y = (v: number) => PAD.top + (1 - v) * innerH;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
  return (
    <Box>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('control.trendLabel')} style={{ maxWidth: W, display: 'block' }}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="var(--mantine-color-dimmed)">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {segments(weeks.map((w) => w.level), x, y).map((points) => (
          <polyline key={points} points={points} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
        ))}
        {weeks.map((w, i) => (
          <g key={w.week}>
            {w.level !== null && (
              <circle
                cx={x(i)}
                cy={y(w.level)}
                r={w.from === selectedFrom ? 6 : 4}
                fill={w.from === selectedFrom ? 'white' : 'var(--mantine-color-blue-6)'}
                stroke="var(--mantine-color-blue-6)"
                strokeWidth={2}
              >
                <title>
                  {`${formatDate(w.from)} – ${formatDate(w.to)}: ${formatShare(w.level)}`}
                </title>
              </circle>
            )}
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - PAD.bottom + 18} fontSize={11} textAnchor="middle" fill="var(--mantine-color-dimmed)">
                {formatDate(w.from).slice(0, 5)}
              </text>
            )}
          </g>
        ))}
      </svg>
    </Box>
  );
}
