import { Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TArchivedPage } from '../../../../shared/api/archive.js';
import { compareUk, formatDate } from '../../../lib/format.js';

const SUMMARY: Record<string, string> = { thematic: 'Тем.', semester: 'сем.', corrected: 'Скор.', annual: 'Річна', dpa: 'ДПА' };

/** One archived journal page, read-only: the grid of marks and absences, then the lessons' topics and homework. */
export function ArchivedPageView({ page }: { page: TArchivedPage }) {
  const { t } = useTranslation();
  const pupils = [...page.pupils].sort((a, b) => compareUk(a.name, b.name));
  const lessons = page.lessons.filter((l) => !l.cancelled);
  const cells = new Map(page.cells.map(([l, p, mark, absent]) => [`${l}:${p}`, [absent ? 'н' : '', mark].filter(Boolean).join(' ')]));
  const summary = new Map(page.summary.map(([c, p, mark]) => [`${c}:${p}`, mark]));
  const columns = [...page.columns].sort((a, b) => a.position - b.position);
  const title = (c: TArchivedPage['columns'][number]) => (c.kind === 'semester' ? `${c.semester === 2 ? 'ІІ' : 'І'} ${SUMMARY.semester}` : c.kind === 'thematic' ? c.title : SUMMARY[c.kind]);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('archive.pageLine', { teacher: page.teacher ?? '—', scale: page.scale.name, lessons: lessons.length })}
      </Text>
      <Paper withBorder radius="md">
        <ScrollArea type="auto">
          <Table withColumnBorders striped fz="xs" aria-label={t('archive.gridLabel', { subject: page.subject })} style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('archive.pupil')}</Table.Th>
                {lessons.map((l) => (
                  <Table.Th key={l.id} ta="center">
                    {formatDate(l.date).slice(0, 5)}
                  </Table.Th>
                ))}
                {columns.map((c) => (
                  <Table.Th key={`c${c.id}`} ta="center" bg="var(--mantine-color-gray-1)">
                    {title(c)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pupils.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  {lessons.map((l) => (
                    <Table.Td key={l.id} ta="center">
                      {cells.get(`${l.id}:${p.id}`) ?? ''}
                    </Table.Td>
                  ))}
                  {columns.map((c) => (
                    <Table.Td key={`c${c.id}`} ta="center" fw={600}>
                      {summary.get(`${c.id}:${p.id}`) ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <Paper withBorder radius="md">
        <Table fz="sm" aria-label={t('archive.lessonsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('archive.date')}</Table.Th>
              <Table.Th>{t('archive.topic')}</Table.Th>
              <Table.Th>{t('archive.homework')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.lessons.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{formatDate(l.date)}</Table.Td>
                <Table.Td>
                  {l.topic}
                  {l.cancelled ? ` (${t('archive.cancelled')})` : ''}
                </Table.Td>
                <Table.Td>{l.homework}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
