import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueSummary } from '../../lib/save-queue.js';
import { IconAlert, IconCheck } from './icons.js';

interface SaveStatusProps {
  summary: QueueSummary;
  onRetry: () => void;
  onGiveReason: () => void;
}

/** Tells the truth about saving: all saved, saving N, or N not saved with a retry; and what waits for the teacher. */
export function SaveStatus({ summary: s, onRetry, onGiveReason }: SaveStatusProps) {
  const { t } = useTranslation();
  const waiting = s.failed + s.invalid + s.conflicts + s.reasons;
  return (
    <Group gap="xs" wrap="wrap" role="status" aria-live="polite" data-testid="save-status">
      {s.pending > 0 ? (
        <Group gap={6} wrap="nowrap" c="blue.7">
          <Loader size={14} color="blue" />
          <Text size="sm">{t('journal.save.saving', { count: s.pending })}</Text>
        </Group>
      ) : s.failed > 0 ? (
        <Group gap={6} wrap="nowrap" c="red.7">
          <IconAlert size={16} />
          <Text size="sm" fw={600}>
            {t('journal.save.failed', { count: s.failed })}
          </Text>
          <Button size="compact-sm" variant="light" color="red" onClick={onRetry}>
            {t('journal.save.retry')}
          </Button>
        </Group>
      ) : waiting === 0 ? (
        <Group gap={6} wrap="nowrap" c="teal.7">
          <IconCheck size={16} />
          <Text size="sm">{t('journal.save.saved')}</Text>
        </Group>
      ) : null}
      {s.conflicts > 0 && (
        <Badge color="orange" variant="light" tt="none" size="lg" fw={600}>
          {t('journal.save.conflicts', { count: s.conflicts })}
        </Badge>
      )}
      {s.invalid > 0 && (
        <Badge color="red" variant="light" tt="none" size="lg" fw={600}>
          {t('journal.save.invalid', { count: s.invalid })}
        </Badge>
      )}
      {s.reasons > 0 && (
        <Group gap={4} wrap="nowrap">
          <Badge color="orange" variant="outline" tt="none" size="lg" fw={600}>
            {t('journal.save.reasons', { count: s.reasons })}
          </Badge>
          <Button size="compact-sm" variant="subtle" color="orange" onClick={onGiveReason}>
            {t('journal.save.giveReason')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
