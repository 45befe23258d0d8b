import { Checkbox, Group, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type TStaffMember } from '../../../../shared/api/admin.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useStaffYearRoles } from '../api/get-staff-year-roles.js';
import { useSetStaffRoles } from '../api/set-staff-roles.js';
import { FormModal, useFormErrors } from './admin-form.js';

/**
 * Ticks for the person's roles in this school (head, controller, administrator, teacher) in a
 * school year: the current one by default, or a year to come; a closed year is shown as it was.
 */
export function StaffRolesModal({ schoolId, member, onClose }: { schoolId: number; member: TStaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetStaffRoles(schoolId);
  const errors = useFormErrors();
  const years = useStaffYearRoles(schoolId, member.userId).data?.years;
  const [yearId, setYearId] = useState<number | null>(null);
  const [roles, setRoles] = useState<string[]>(member.roles);
  const year = years?.find((y) => y.yearId === yearId);
  const name = `${member.lastName} ${member.firstName}`;

  // the current year first; the ticks follow the chosen year
  useEffect(() => {
    if (years && yearId === null) setYearId(years.find((y) => y.current)?.yearId ?? null);
  }, [years, yearId]);
  useEffect(() => {
    if (year) setRoles(year.roles);
  }, [year]);

  const yearLabel = (y: NonNullable<typeof years>[number]) =>
    `${y.name}${y.current ? ` (${t('accounts.yearRoles.current')})` : y.closed ? ` (${t('accounts.yearRoles.closed')})` : ''}`;
  const note = !year
    ? null
    : year.closed
      ? t('accounts.yearRoles.closedNote')
      : year.current
        ? t('accounts.yearRoles.currentNote')
        : t('accounts.yearRoles.futureNote', { date: formatDate(year.startsOn) });

  return (
    <FormModal
      opened
      title={t('admin.staff.rolesTitle', { name })}
      onClose={onClose}
      busy={save.isPending}
      error={errors.form}
      onSubmit={() => {
        if (year?.closed) return onClose();
        save.mutate(
          { userId: member.userId, roles, yearId: year?.yearId },
          {
            onSuccess: () => {
              notifySuccess(t('admin.staff.saved'));
              onClose();
            },
            onError: errors.show,
          },
        );
      }}
    >
      {years && years.length > 1 && (
        <Select
          label={t('accounts.yearRoles.year')}
          data={years.map((y) => ({ value: String(y.yearId), label: yearLabel(y) }))}
          value={yearId === null ? null : String(yearId)}
          onChange={(v) => v && setYearId(Number(v))}
          allowDeselect={false}
        />
      )}
      <Checkbox.Group value={roles} onChange={setRoles} label={t('admin.staff.roles')}>
        <Group mt="xs">
          {STAFF_ROLES.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} disabled={year?.closed} />
          ))}
        </Group>
      </Checkbox.Group>
      {note && <Text size="sm">{note}</Text>}
      <Text size="sm" c="dimmed">
        {t('admin.staff.rolesNote')}
      </Text>
    </FormModal>
  );
}
