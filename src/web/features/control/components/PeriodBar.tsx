import { ActionIcon, Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, formatDate, weekOf } from '../format.js';

interface PeriodBarProps {
  from: string;
  to: string;
  /** the last day the figures count (yesterday at most) */
  effectiveTo: string;
  today: string;
  onChange: (p: { from: string; to: string }) => void;
}

/** Week by week navigation, or any period typed in. */
export function PeriodBar({ from, to, effectiveTo, today, onChange }: PeriodBarProps) {
  const { t } = useTranslation();
  const isWeek = weekOf(from).from === from && weekOf(from).to === to;
  const shift = (n: number) => onChange(weekOf(addDays(from, 7 * n)));
  const lastWeek = weekOf(addDays(today, -7));
  const set = (key: 'from' | 'to', value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const next = { from, to, [key]: value };
    if (next.from <= next.to) onChange(next);
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Group gap={4} align="center">
        <ActionIcon variant="default" size="lg" aria-label={t('control.prevWeek')} onClick={() => shift(-1)}>
          ‹
        </ActionIcon>
        <Text fw={600} miw={200} ta="center">
          {t(isWeek ? 'control.week' : 'control.period', { from: formatDate(from), to: formatDate(to) })}
        </Text>
        <ActionIcon variant="default" size="lg" aria-label={t('control.nextWeek')} onClick={() => shift(1)} disabled={addDays(from, 7) > today}>
          ›
        </ActionIcon>
      </Group>
      <Button variant="subtle" size="sm" onClick={() => onChange(lastWeek)} disabled={lastWeek.from === from && lastWeek.to === to}>
        {t('control.lastWeek')}
      </Button>
      <TextInput type="date" label={t('control.from')} value={from} onChange={(e) => set('from', e.currentTarget.value)} size="sm" w={160} />
      <TextInput type="date" label={t('control.to')} value={to} onChange={(e) => set('to', e.currentTarget.value)} size="sm" w={160} />
      {effectiveTo < to && (
        <Text size="sm" c="dimmed">
          {t('control.countedTo', { date: formatDate(effectiveTo) })}
        </Text>
      )}
    </Group>
  );
}
