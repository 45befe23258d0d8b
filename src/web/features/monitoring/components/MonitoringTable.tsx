import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMonitoring } from '../../../../shared/api/monitoring.js';
import { formatNumber } from '../../../lib/format.js';
import { keepNumber, num, pct, weekDates } from '../format.js';

const NUMERIC = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** Every school's shares for the quarter, ranked by fill level. */
export function MonitoringTable({ data }: { data: TMonitoring }) {
  const { t } = useTranslation();
  if (!data.schools.length) return <Text c="dimmed">{t('monitoring.schoolsEmpty')}</Text>;
  const cols = ['rank', 'school', 'fill', 'quality', 'remarks', 'overdue', 'consent', 'plan', 'computers', 'classrooms', 'internet', 'survey', 'training'] as const;
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped highlightOnHover fz="sm" horizontalSpacing={6} aria-label={t('cityMonitoring.ranking')}>
        <Table.Thead>
          <Table.Tr>
            {cols.map((c) => (
              <Table.Th key={c} ta={c === 'school' ? undefined : 'right'} fz="xs">
                {t(`cityMonitoring.col.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((s) => (
            <Table.Tr key={s.schoolId}>
              <Table.Td {...NUMERIC}>{s.rank}</Table.Td>
              <Table.Td>{keepNumber(s.schoolName)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.fillLevel)}</Table.Td>
              <Table.Td {...NUMERIC}>{num(s.qualityPer100)}</Table.Td>
              <Table.Td {...NUMERIC}>{formatNumber(s.remarksOpen)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.remarksOverdueShare)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.consentShare)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.planDoneShare)}</Table.Td>
              <Table.Td {...NUMERIC}>{num(s.computersPerTeacher)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.classroomsWithComputerShare)}</Table.Td>
              <Table.Td {...NUMERIC}>{num(s.internetMbps)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.surveyAnsweredShare)}</Table.Td>
              <Table.Td {...NUMERIC}>{pct(s.needTrainingShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The trend: each school's fill level week by week. */
export function WeeklyTable({ data }: { data: TMonitoring }) {
  const { t } = useTranslation();
  if (!data.weeks.length) return <Text c="dimmed">{t('cityMonitoring.noWeeks')}</Text>;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('cityMonitoring.weekNote')}
      </Text>
      <Table.ScrollContainer minWidth={600} type="native">
        <Table striped fz="sm" aria-label={t('cityMonitoring.trend')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cityMonitoring.col.school')}</Table.Th>
              {data.weeks.map((w) => {
                const d = weekDates(w);
                return (
                  <Table.Th key={w} ta="right" title={`${d.from} – ${d.to}`}>
                    {d.from.slice(0, 5)}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.schools.map((s) => (
              <Table.Tr key={s.schoolId}>
                <Table.Td>{keepNumber(s.schoolName)}</Table.Td>
                {s.weekly.map((w) => (
                  <Table.Td key={w.week} ta="right" style={{ whiteSpace: 'nowrap', background: w.level == null ? undefined : `rgba(34, 139, 230, ${0.1 + w.level * 0.4})` }}>
                    {pct(w.level)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
