import { Anchor, Badge, Drawer, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TGap, type TGapKind, ZGapKind } from '../../../../shared/api/control.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { type GapsFilter, useGaps } from '../api/get-gaps.js';
import { formatDate, formatMoment } from '../format.js';

interface GapsDrawerProps {
  schoolId: number;
  /** what to list: the period and a teacher, class, subject or page; null when closed */
  filter: (Omit<GapsFilter, 'kind'> & { title: string }) | null;
  onClose: () => void;
}

function GapLine({ gap }: { gap: TGap }) {
  const { t } = useTranslation();
  const what = [gap.pupilName, gap.columnTitle].filter(Boolean).join(' · ');
  return (
    <Paper withBorder radius="sm" p="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap={6}>
            <Badge variant="light" color={gap.kind === 'not_held' ? 'red' : 'orange'} size="sm">
              {t(`control.gapKinds.${gap.kind}`)}
            </Badge>
            {gap.date && (
              <Text size="sm" fw={600}>
                {formatDate(gap.date)}
              </Text>
            )}
          </Group>
          <Text size="sm">
            {gap.pageLabel}
            {what && ` · ${what}`}
          </Text>
          <Text size="xs" c="dimmed">
            {gap.teacherName || t('journal.noTeacher')}
            {gap.kind === 'late_entry' && ` · ${gap.enteredAt ? t('control.enteredAt', { date: formatMoment(gap.enteredAt) }) : t('control.notEntered')}`}
          </Text>
        </Stack>
        <Anchor component={Link} to={gap.link} size="sm" data-testid="gap-link">
          {t('control.open')}
        </Anchor>
      </Group>
    </Paper>
  );
}

function withoutTitle({ title: _title, ...rest }: Omit<GapsFilter, 'kind'> & { title: string }): GapsFilter {
  return rest;
}

/** The exact missing entries of a row of the analysis; each opens the journal at the cell. */
export function GapsDrawer({ schoolId, filter, onClose }: GapsDrawerProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TGapKind | null>(null);
  const query = useGaps(schoolId, filter ? { ...withoutTitle(filter), kind: kind ?? undefined } : null);
  return (
    <Drawer opened={!!filter} onClose={onClose} position="right" size="lg" title={filter ? t('control.showGapsOf', { name: filter.title }) : ''}>
      <Stack gap="sm">
        <Select
          label={t('control.gaps')}
          data={[{ value: '', label: t('control.allKinds') }, ...ZGapKind.options.map((k) => ({ value: k, label: t(`control.gapKinds.${k}`) }))]}
          value={kind ?? ''}
          onChange={(v) => setKind((v || null) as TGapKind | null)}
          allowDeselect={false}
        />
        <QueryStatus query={query}>
          {(data) =>
            data.gaps.length === 0 ? (
              <EmptyNote>{t('control.gapsNone')}</EmptyNote>
            ) : (
              <Stack gap={6}>
                <Text size="sm" c="dimmed">
                  {data.total > data.gaps.length ? t('control.gapsShown', { shown: data.gaps.length, count: data.total }) : t('control.gapsTotal', { count: data.total })}
                </Text>
                {data.gaps.map((g) => (
                  <GapLine key={`${g.kind}:${g.pageId}:${g.lessonId}:${g.pupilId}:${g.columnId}`} gap={g} />
                ))}
              </Stack>
            )
          }
        </QueryStatus>
      </Stack>
    </Drawer>
  );
}
