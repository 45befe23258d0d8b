import { Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TLateChange } from '../../../../shared/api/control.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useLateChanges } from '../api/get-late-changes.js';
import { useReviewLateChanges } from '../api/review-late-changes.js';
import { formatDate, formatMoment } from '../format.js';

/** Late corrections awaiting attention; the head ticks them and marks them reviewed. */
export function LateChangesSection({ schoolId, canReview }: { schoolId: number; canReview: boolean }) {
  const { t } = useTranslation();
  const query = useLateChanges(schoolId);
  const review = useReviewLateChanges(schoolId);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = () =>
    review.mutate([...picked], {
      onSuccess: (r) => {
        setPicked(new Set());
        notifySuccess(t('control.reviewed', { count: r.reviewed }));
      },
    });

  const columns = (all: TLateChange[]): Column<TLateChange>[] => [
    ...(canReview
      ? [
          {
            key: 'pick',
            header: (
              <Checkbox
                aria-label={t('control.lateSelectAll')}
                checked={all.length > 0 && all.every((c) => picked.has(c.id))}
                onChange={(e) => setPicked(e.currentTarget.checked ? new Set(all.map((c) => c.id)) : new Set())}
              />
            ),
            cell: (c: TLateChange) => <Checkbox aria-label={t('control.lateSelect', { what: `${c.pageLabel} ${c.field}` })} checked={picked.has(c.id)} onChange={() => toggle(c.id)} />,
          },
        ]
      : []),
    { key: 'at', header: t('control.lateWhen'), cell: (c) => <Text size="sm">{formatMoment(c.at)}</Text> },
    { key: 'who', header: t('control.lateWho'), cell: (c) => <Text size="sm">{c.userName}</Text> },
    {
      key: 'what',
      header: t('control.lateWhat'),
      cell: (c) => (
        <Stack gap={0}>
          <Anchor component={Link} to={c.link} size="sm">
            {c.pageLabel}
            {c.lessonDate ? `, ${formatDate(c.lessonDate)}` : ''}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[c.pupilName, `${t(`journal.history.fields.${c.field as 'mark'}`, { defaultValue: c.field })}: ${c.oldValue || '—'} → ${c.newValue || '—'}`].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'reason', header: t('control.lateReason'), cell: (c) => <Text size="sm">{c.reason || t('common.none')}</Text> },
  ];

  return (
    <Section
      title={t('control.lateChanges')}
      aside={
        canReview && (
          <Button size="sm" onClick={submit} disabled={!picked.size} loading={review.isPending}>
            {t('control.markReviewed', { count: picked.size })}
          </Button>
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('control.lateChangesHint')}
      </Text>
      <QueryStatus query={query}>
        {(data) =>
          data.changes.length ? (
            <Group>
              <DataTable rows={data.changes} columns={columns(data.changes)} rowKey={(c) => c.id} caption={t('control.lateChanges')} minWidth={760} />
            </Group>
          ) : (
            <EmptyNote>{t('control.lateNone')}</EmptyNote>
          )
        }
      </QueryStatus>
    </Section>
  );
}
