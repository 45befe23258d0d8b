import { Checkbox, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type TStaffMember } from '../../../../shared/api/admin.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSetStaffRoles } from '../api/set-staff-roles.js';
import { FormModal, useFormErrors } from './admin-form.js';

/** Ticks for the person's roles in this school (head, controller, administrator, teacher). */
export function StaffRolesModal({ schoolId, member, onClose }: { schoolId: number; member: TStaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetStaffRoles(schoolId);
  const errors = useFormErrors();
  const [roles, setRoles] = useState<string[]>(member.roles);
  const name = `${member.lastName} ${member.firstName}`;
  return (
    <FormModal
      opened
      title={t('admin.staff.rolesTitle', { name })}
      onClose={onClose}
      busy={save.isPending}
      error={errors.form}
      onSubmit={() =>
        save.mutate(
          { userId: member.userId, roles },
          {
            onSuccess: () => {
              notifySuccess(t('admin.staff.saved'));
              onClose();
            },
            onError: errors.show,
          },
        )
      }
    >
      <Checkbox.Group value={roles} onChange={setRoles} label={t('admin.staff.roles')}>
        <Group mt="xs">
          {STAFF_ROLES.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Text size="sm" c="dimmed">
        {t('admin.staff.rolesNote')}
      </Text>
    </FormModal>
  );
}
