import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDiarySubjects } from '../../../../shared/api/diary.js';

/** Every subject of the semester: current marks in order, absences, thematic and semester marks. */
export function DiarySubjects({ data }: { data: TDiarySubjects }) {
  const { t } = useTranslation();
  if (data.subjects.length === 0) return <Text c="dimmed">{t('diaryView.noSubjects')}</Text>;
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
                <Group gap={4}>
                  {withKeys(s.marks).map((m) => (
                    <Badge key={m.key} variant="light" title={m.date}>
                      {m.mark}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.absences || ''}</Table.Td>
              <Table.Td>
                {s.summary.map((x) => (
                  <Text key={x.title} size="sm">
                    {x.title}: <b>{x.mark}</b>
                  </Text>
                ))}
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
