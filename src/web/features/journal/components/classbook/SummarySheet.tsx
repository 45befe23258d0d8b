import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSummarySheet } from '../../../../../shared/api/classbook.js';

const COLUMNS: { kind: string; semester: number | null; key: 'sem1' | 'corr' | 'sem2' | 'annual' }[] = [
  { kind: 'semester', semester: 1, key: 'sem1' },
  { kind: 'corrected', semester: 1, key: 'corr' },
  { kind: 'semester', semester: 2, key: 'sem2' },
  { kind: 'corrected', semester: 2, key: 'corr' },
  { kind: 'annual', semester: null, key: 'annual' },
];

/** Зведена відомість: for each pupil and subject the semester, corrected and annual marks; printable. */
export function SummarySheet({ data }: { data: TSummarySheet }) {
  const { t } = useTranslation();
  const marks = new Map(data.marks.map(([pageId, pupilId, kind, semester, mark]) => [`${pageId}:${pupilId}:${kind}:${semester ?? ''}`, mark]));
  return (
    <div className="classbook-sheet">
      <Group justify="space-between" mb="sm">
        <Text fw={500}>{t('classbook.sheetTitle', { label: data.classLabel, year: data.yearName })}</Text>
        <Button variant="default" size="xs" onClick={() => window.print()} className="no-print">
          {t('classbook.print')}
        </Button>
      </Group>
      {data.marks.length === 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('classbook.sheetEmpty')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{t('classbook.pupil')}</Table.Th>
              {data.subjects.map((s) => (
                <Table.Th key={s.pageId} colSpan={COLUMNS.length} ta="center">
                  {s.subjectName}
                  {s.groupName ? ` (${s.groupName})` : ''}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              {data.subjects.flatMap((s) =>
                COLUMNS.map((c) => (
                  <Table.Th key={`${s.pageId}-${c.kind}${c.semester ?? ''}`} style={{ whiteSpace: 'nowrap' }}>
                    {t(`classbook.col.${c.key}`)}
                  </Table.Th>
                )),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.pupils.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.name}</Table.Td>
                {data.subjects.flatMap((s) =>
                  COLUMNS.map((c) => <Table.Td key={`${s.pageId}-${c.kind}${c.semester ?? ''}`}>{marks.get(`${s.pageId}:${p.id}:${c.kind}:${c.semester ?? ''}`) ?? ''}</Table.Td>),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
