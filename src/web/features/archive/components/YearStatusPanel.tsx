import { Alert, Badge, Button, Group, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSchoolYear } from '../../../../shared/api/archive.js';
import type { ApiError } from '../../../lib/api-error.js';
import { formatNumber } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useCloseYear } from '../api/close-year.js';
import { useReopenYear } from '../api/reopen-year.js';

/** The year's status and history; the head closes it (with a reason while anything is missing) or reopens it. */
export function YearStatusPanel({ schoolId, year, missing, canClose }: { schoolId: number; year: TSchoolYear; missing: number; canClose: boolean }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const close = useCloseYear(schoolId);
  const reopen = useReopenYear(schoolId);
  const closed = year.status === 'closed';
  const busy = close.isPending || reopen.isPending;
  const error = (close.error ?? reopen.error) as ApiError | null;
  const needsReason = closed || missing > 0;
  // 29.11.2026, 08:09 like every other date of the screens, not "29 лист. 2026 р."
  const at = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'uk-UA', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    );
  const submit = () => {
    const done = () => {
      setReason('');
      notifySuccess(closed ? t('yearend.reopened') : t('yearend.closed'));
    };
    if (closed) reopen.mutate({ yearId: year.id, reason: reason.trim() }, { onSuccess: done });
    else close.mutate({ yearId: year.id, reason: reason.trim() }, { onSuccess: done });
  };
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge size="lg" color={closed ? 'gray' : 'teal'} variant="light">
          {closed ? t('yearend.statusClosed') : t('yearend.statusOpen')}
        </Badge>
        <Text size="sm" c="dimmed">
          {closed ? t('yearend.closedHint') : t('yearend.openHint')}
        </Text>
      </Group>
      {year.events.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {year.events.map((e) => (
            <Timeline.Item key={`${e.at}-${e.action}`} title={`${e.action === 'close' ? t('yearend.eventClose') : t('yearend.eventReopen')} · ${e.user}`}>
              <Text size="xs" c="dimmed">
                {at(e.at)}
                {Object.values(e.gaps).some((n) => n > 0) ? ` · ${t('yearend.gapsAtClose', { n: formatNumber(Object.values(e.gaps).reduce((a, b) => a + b, 0)) })}` : ''}
              </Text>
              {e.reason && <Text size="sm">{e.reason}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {canClose && (
        <Stack gap="xs" maw={640}>
          {!closed && missing > 0 && (
            <Alert color="orange" variant="light">
              {t('yearend.missingAlert', { n: formatNumber(missing) })}
            </Alert>
          )}
          {needsReason && (
            <Textarea
              label={closed ? t('yearend.reopenReason') : t('yearend.closeReason')}
              description={closed ? t('yearend.reopenHint') : t('yearend.closeReasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
          )}
          {error && (
            <Alert color="red" variant="light">
              {error.message}
            </Alert>
          )}
          <Group>
            <Button color={closed ? 'orange' : 'blue'} loading={busy} disabled={needsReason && !reason.trim()} onClick={submit}>
              {closed ? t('yearend.reopen') : t('yearend.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
