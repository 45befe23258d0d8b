import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCompleteness } from '../../../../shared/api/archive.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { formatDate, formatNumber } from '../../../lib/format.js';

type GapPage = TCompleteness['annualMarks'][number] | TCompleteness['topics'][number];

function PageLine({ schoolId, page, children }: { schoolId: number; page: Pick<GapPage, 'pageId' | 'classLabel' | 'subjectName' | 'groupName' | 'teacherName'>; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="xs">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to={`/s/${schoolId}/journal/${page.pageId}`} fw={600} size="sm">
            {page.classLabel} · {page.subjectName}
            {page.groupName ? ` (${page.groupName})` : ''}
          </Anchor>
          <Text size="xs" c="dimmed">
            {page.teacherName ?? '—'}
          </Text>
        </Stack>
        <Text size="sm" ta="right">
          {children}
        </Text>
      </Group>
    </Paper>
  );
}

const FEW = 6;

/** What is missing before closing: annual marks, lesson topics, open remarks, page by page. */
export function CompletenessList({ schoolId, data }: { schoolId: number; data: TCompleteness }) {
  const { t } = useTranslation();
  if (data.total === 0) return <EmptyNote>{t('yearend.nothingMissing')}</EmptyNote>;
  const few = (items: string[], total: number) =>
    total > FEW ? `${items.slice(0, FEW).join(', ')} ${t('yearend.andMore', { n: formatNumber(total - Math.min(FEW, items.length)) })}` : items.join(', ');
  return (
    <Stack gap="lg">
      {data.annualMarks.length > 0 && (
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600}>{t('yearend.annualMarks')}</Text>
            <Badge color="orange" variant="light">
              {formatNumber(data.annualMarks.reduce((n, p) => n + p.missing, 0))}
            </Badge>
          </Group>
          {data.annualMarks.map((p) => (
            <PageLine key={p.pageId} schoolId={schoolId} page={p}>
              {few(p.pupils, p.missing)}
            </PageLine>
          ))}
        </Stack>
      )}
      {data.topics.length > 0 && (
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600}>{t('yearend.topics')}</Text>
            <Badge color="orange" variant="light">
              {formatNumber(data.topics.reduce((n, p) => n + p.missing, 0))}
            </Badge>
          </Group>
          {data.topics.map((p) => (
            <PageLine key={p.pageId} schoolId={schoolId} page={p}>
              {few(p.dates.map(formatDate), p.missing)}
            </PageLine>
          ))}
        </Stack>
      )}
      {data.remarks && data.remarks.length > 0 && (
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600}>{t('yearend.remarks')}</Text>
            <Badge color="orange" variant="light">
              {data.remarks.length}
            </Badge>
          </Group>
          {data.remarks.map((r) => (
            <PageLine key={r.remarkId} schoolId={schoolId} page={r}>
              {r.text} · {t('yearend.deadline', { date: formatDate(r.deadline) })}
            </PageLine>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
