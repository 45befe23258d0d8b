import { Alert, Badge, Checkbox, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TStructureClass, TStructurePlan } from '../../../../shared/api/archive.js';

function ClassStructure({ k }: { k: TStructureClass }) {
  const { t } = useTranslation();
  const scale = (code: string) => t(`yearStructure.scaleName.${code}`, { defaultValue: code });
  const toGrade = k.toClass.split('-')[0];
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={600} mb={4}>
        {t('yearStructure.classLine', { from: k.fromClass, to: k.toClass })}{' '}
        {k.targetExists && (
          <Badge variant="light" color="gray" ml="xs">
            {t('yearStructure.targetExists')}
          </Badge>
        )}
      </Text>
      {k.skipped ? (
        <Text size="sm" c="dimmed">
          {t('yearStructure.skipped', { to: k.toClass })}
        </Text>
      ) : k.pages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('yearStructure.noPages')}
        </Text>
      ) : (
        <>
          {k.groups.length > 0 && (
            <Text size="sm" mb={4}>
              {t('yearStructure.groups', { names: k.groups.join(', ') })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing={4} aria-label={t('yearStructure.classLine', { from: k.fromClass, to: k.toClass })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('yearStructure.subject')}</Table.Th>
                  <Table.Th>{t('yearStructure.teacher')}</Table.Th>
                  <Table.Th>{t('yearStructure.hours')}</Table.Th>
                  <Table.Th>{t('yearStructure.scale')}</Table.Th>
                  <Table.Th>{t('yearStructure.slots')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {k.pages.map((p) => (
                  <Table.Tr key={`${p.subject}|${p.group ?? ''}`}>
                    <Table.Td>
                      {p.subject}
                      {p.group ? ` (${p.group})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {p.teacher ??
                        (p.teacherLeft ? (
                          <Text span size="sm" c="orange.8">
                            {t('yearStructure.teacherLeft', { name: p.teacherLeft })}
                          </Text>
                        ) : (
                          <Text span size="sm" c="dimmed">
                            {t('yearStructure.noTeacher')}
                          </Text>
                        ))}
                    </Table.Td>
                    <Table.Td>
                      {p.hoursPerWeek}
                      {p.hoursFromPlan && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {t('yearStructure.fromPlan', { grade: toGrade })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.scaleFrom === p.scaleTo ? (
                        scale(p.scaleTo)
                      ) : (
                        <Text span size="sm" fw={600}>
                          {scale(p.scaleFrom)} → {scale(p.scaleTo)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.slots}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}

/** What promotion copies into the next year, with the two choices the administrator confirms. */
export function StructurePreview(props: {
  plan: TStructurePlan;
  copyStructure: boolean;
  copyTimetable: boolean;
  onChange: (x: { copyStructure: boolean; copyTimetable: boolean }) => void;
}) {
  const { t } = useTranslation();
  const { plan, copyStructure, copyTimetable, onChange } = props;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('yearStructure.title')}</Text>
      <Text size="sm" c="dimmed">
        {t('yearStructure.hint')}
      </Text>
      <Checkbox
        label={t('yearStructure.copyStructure')}
        checked={copyStructure}
        onChange={(e) => onChange({ copyStructure: e.currentTarget.checked, copyTimetable: e.currentTarget.checked && copyTimetable })}
      />
      <Checkbox
        label={t('yearStructure.copyTimetable')}
        description={t('yearStructure.copyTimetableHint')}
        checked={copyTimetable}
        disabled={!copyStructure}
        onChange={(e) => onChange({ copyStructure, copyTimetable: e.currentTarget.checked })}
      />
      {copyStructure && (
        <>
          {plan.curriculumRows > 0 && <Text size="sm">{t('yearStructure.curriculumRows', { count: plan.curriculumRows })}</Text>}
          {plan.classes.length === 0 ? (
            <Alert variant="light">{t('yearStructure.none')}</Alert>
          ) : (
            plan.classes.map((k) => <ClassStructure key={k.fromClass} k={k} />)
          )}
        </>
      )}
    </Stack>
  );
}
