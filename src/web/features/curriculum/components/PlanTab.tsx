import { Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlan, TSubject } from '../../../../shared/api/curriculum.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { usePlan } from '../api/get-plan.js';
import { useSubjects } from '../api/get-subjects.js';
import { useSetPlanRow } from '../api/set-plan-row.js';

/** Hours a week of every subject in every grade: type a number, leave the cell to save it. */
export function PlanTab({ schoolId, canEdit }: { schoolId: number; canEdit: boolean }) {
  const plan = usePlan(schoolId);
  const subjects = useSubjects(schoolId);
  return (
    <QueryStatus query={plan}>
      {(p) => <QueryStatus query={subjects}>{(s) => <PlanTable schoolId={schoolId} plan={p} subjects={s} canEdit={canEdit && p.year.status === 'open'} />}</QueryStatus>}
    </QueryStatus>
  );
}

function PlanTable({ schoolId, plan, subjects, canEdit }: { schoolId: number; plan: TPlan; subjects: TSubject[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSetPlanRow(schoolId);
  if (!subjects.length) return <EmptyNote>{t('curriculum.plan.noSubjects')}</EmptyNote>;
  if (!plan.grades.length) return <EmptyNote>{t('curriculum.plan.noGrades')}</EmptyNote>;
  const hours = new Map(plan.rows.map((r) => [`${r.grade}|${r.subjectId}`, r.hoursPerWeek]));
  const total = (grade: number) => plan.rows.filter((r) => r.grade === grade).reduce((a, r) => a + r.hoursPerWeek, 0);

  const commit = (grade: number, subject: TSubject, raw: string) => {
    const value = raw.trim() === '' ? 0 : Number(raw.replace(',', '.'));
    const before = hours.get(`${grade}|${subject.id}`) ?? 0;
    if (Number.isNaN(value) || value === before) return;
    save.mutate({ grade, subjectId: subject.id, hoursPerWeek: value });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('curriculum.plan.hint')}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640} type="native">
          <Table withColumnBorders verticalSpacing={4} horizontalSpacing="xs" aria-label={t('curriculum.plan.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('curriculum.plan.subject')}</Table.Th>
                {plan.grades.map((g) => (
                  <Table.Th key={g} ta="center" w={64}>
                    {t('curriculum.plan.grade', { grade: g })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subjects.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  {plan.grades.map((g) => {
                    const value = hours.get(`${g}|${s.id}`);
                    return (
                      <Table.Td key={g} ta="center">
                        {canEdit ? (
                          <TextInput
                            key={`${g}:${s.id}:${value ?? ''}`}
                            aria-label={t('curriculum.plan.cell', { subject: s.name, grade: g })}
                            defaultValue={value === undefined ? '' : String(value)}
                            inputMode="decimal"
                            size="xs"
                            styles={{ input: { textAlign: 'center' } }}
                            onBlur={(e) => commit(g, s, e.currentTarget.value)}
                            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                          />
                        ) : (
                          (value ?? '')
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('curriculum.plan.total')}</Table.Th>
                {plan.grades.map((g) => (
                  <Table.Th key={g} ta="center">
                    {total(g)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
