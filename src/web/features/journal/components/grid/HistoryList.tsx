import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { THistoryEntry } from '../../../../../shared/api/journal.js';
import { type HistoryFilter, useHistory } from '../../api/history.js';
import { formatMoment } from './labels.js';

interface HistoryListProps {
  schoolId: number;
  pageId: number;
  filter: HistoryFilter;
  /** only the lesson's own fields (topic, homework…), not its cells */
  lessonOnly?: boolean;
}

const FIELDS = ['mark', 'attendance', 'summary', 'topic', 'homework', 'remote', 'lesson'] as const;

/** Who changed what and when, newest first: old value -> new value, the reason, late changes marked. */
export function HistoryList({ schoolId, pageId, filter, lessonOnly = false }: HistoryListProps) {
  const { t } = useTranslation();
  const history = useHistory(schoolId, pageId, filter);
  if (history.isPending) return <Loader size="sm" />;
  if (history.isError) return <Text c="red.7" size="sm">{history.error.message}</Text>;
  const changes = lessonOnly ? history.data.filter((c) => c.pupilId === null) : history.data;
  if (changes.length === 0) return <Text c="dimmed" size="sm">{t('journal.history.empty')}</Text>;
  const value = (c: THistoryEntry, v: string | null) => {
    if (c.field === 'remote') return v === 'true' ? '✓' : '—';
    return v ? v : <Text span c="dimmed" size="sm" fs="italic">{t('journal.history.emptyValue')}</Text>;
  };
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {changes.map((c) => (
        <li key={c.id}>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {formatMoment(c.at)} · {c.user ?? t('journal.history.system')}
            </Text>
            {c.late && (
              <Badge size="xs" color="orange" variant="light">
                {t('journal.history.late')}
              </Badge>
            )}
            {c.tentative && (
              <Badge size="xs" color="gray" variant="light" title={t('timesavers.tentativeTitle')}>
                {t('timesavers.tentative')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {(FIELDS as readonly string[]).includes(c.field) ? t(`journal.history.fields.${c.field as (typeof FIELDS)[number]}`) : c.field}
            </Text>
            {': '}
            <Text span td="line-through" c="dimmed" size="sm">
              {value(c, c.oldValue)}
            </Text>
            {' → '}
            <Text span fw={600} size="sm">
              {value(c, c.newValue)}
            </Text>
          </Text>
          {c.reason && (
            <Text size="xs" c="dimmed">
              {t('journal.history.reason', { reason: c.reason })}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
