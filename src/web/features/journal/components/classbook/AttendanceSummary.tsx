import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAttendanceSummary } from '../../../../../shared/api/classbook.js';
import { formatDate } from '../../../../lib/format.js';
import { type TReason, useSetAbsenceReason } from '../../api/classbook.js';

/** Lessons and days missed per pupil by reason, and the absent days where the class teacher records why. */
export function AttendanceSummary({ schoolId, classId, data }: { schoolId: number; classId: number; data: TAttendanceSummary }) {
  const { t } = useTranslation();
  const save = useSetAbsenceReason(schoolId, classId);
  const names = new Map(data.pupils.map((p) => [p.id, p.name]));
  const reasons = [
    { value: 'illness', label: t('classbook.reason.illness') },
    { value: 'family', label: t('classbook.reason.family') },
    { value: 'other', label: t('classbook.reason.other') },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('classbook.period', { from: formatDate(data.from), to: formatDate(data.to) })}
        </Text>
        <Button variant="default" size="xs" onClick={() => window.print()} className="no-print">
          {t('classbook.print')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>№</Table.Th>
              <Table.Th>{t('classbook.pupil')}</Table.Th>
              <Table.Th>{t('classbook.lessons')}</Table.Th>
              <Table.Th>{t('classbook.days')}</Table.Th>
              <Table.Th>{t('classbook.reason.illness')}</Table.Th>
              <Table.Th>{t('classbook.reason.family')}</Table.Th>
              <Table.Th>{t('classbook.reason.other')}</Table.Th>
              <Table.Th>{t('classbook.unexplained')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.pupils.map((p, i) => (
              <Table.Tr key={p.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.missedLessons}</Table.Td>
                <Table.Td>{p.missedDays}</Table.Td>
                <Table.Td>{p.illness}</Table.Td>
                <Table.Td>{p.family}</Table.Td>
                <Table.Td>{p.other}</Table.Td>
                <Table.Td fw={p.unexplained ? 600 : undefined}>{p.unexplained}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={4}>{t('classbook.absentDays')}</Title>
      {data.days.length === 0 ? (
        <Text c="dimmed">{t('classbook.noAbsences')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder>
            <Table.Tbody>
              {[...data.days].reverse().map((d) => (
                <Table.Tr key={`${d.pupilId}:${d.day}`}>
                  <Table.Td>{formatDate(d.day)}</Table.Td>
                  <Table.Td>{names.get(d.pupilId)}</Table.Td>
                  <Table.Td>{t('classbook.lessonsMissed', { count: d.lessons })}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('classbook.reasonFor', { name: names.get(d.pupilId), day: d.day })}
                      placeholder={t('classbook.noReason')}
                      data={reasons}
                      value={d.reason}
                      clearable
                      disabled={save.isPending}
                      onChange={(v) => save.mutate({ pupilId: d.pupilId, day: d.day, reason: (v as TReason) ?? null, note: d.note })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
