import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TDiarySubjects } from '../../../../shared/api/diary.js';
import { formatDate } from '../../../lib/format.js';

type TSubject = TDiarySubjects['subjects'][number];

/** The current marks in order, each with its date on hover. */
function Marks({ marks }: { marks: TSubject['marks'] }) {
  return (
    <Group gap={4}>
      {withKeys(marks).map((m) => (
        <Badge key={m.key} variant="light" title={formatDate(m.date)}>
          {m.mark}
        </Badge>
      ))}
    </Group>
  );
}

function Summary({ summary }: { summary: TSubject['summary'] }) {
  return summary.map((x) => (
    <Text key={x.title} size="sm">
      {x.title}: <b>{x.mark}</b>
    </Text>
  ));
}

/** On a phone: a card per subject, so the summative marks are on the screen, not in a fourth column past its edge. */
function SubjectCards({ subjects }: { subjects: TSubject[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {subjects.map((s) => (
        <Paper key={s.pageId} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text fw={500}>{s.subjectName}</Text>
              {s.absences > 0 && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('diaryView.absences')}: {s.absences}
                </Text>
              )}
            </Group>
            {s.marks.length > 0 && <Marks marks={s.marks} />}
            <Summary summary={s.summary} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** Every subject of the semester: current marks in order, absences, thematic and semester marks. */
export function DiarySubjects({ data }: { data: TDiarySubjects }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false });
  if (data.subjects.length === 0) return <Text c="dimmed">{t('diaryView.noSubjects')}</Text>;
  if (phone) return <SubjectCards subjects={data.subjects} />;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('diaryView.subject')}</Table.Th>
            <Table.Th>{t('diaryView.marks')}</Table.Th>
            <Table.Th>{t('diaryView.absences')}</Table.Th>
            <Table.Th>{t('diaryView.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.subjects.map((s) => (
            <Table.Tr key={s.pageId}>
              <Table.Td fw={500}>{s.subjectName}</Table.Td>
              <Table.Td>
                <Marks marks={s.marks} />
              </Table.Td>
              <Table.Td>{s.absences || ''}</Table.Td>
              <Table.Td>
                <Summary summary={s.summary} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Stable keys for marks: the date, and which mark of that date it is. */
function withKeys(marks: { date: string; mark: string }[]) {
  const seen = new Map<string, number>();
  return marks.map((m) => {
    const n = (seen.get(m.date) ?? 0) + 1;
    seen.set(m.date, n);
    return { ...m, key: `${m.date}#${n}` };
  });
}
