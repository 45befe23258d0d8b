import { Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type TStaffMember } from '../../../../shared/api/admin.js';
import { notifySuccess } from '../../../lib/notify.js';
import { type TCredentials, useCreateStaff } from '../api/create-staff.js';
import { useUpdateStaff } from '../api/update-staff.js';
import { FormModal, useFormErrors } from './admin-form.js';

type Field = 'lastName' | 'firstName' | 'middleName' | 'position' | 'email' | 'login';

/** A new staff member (with login and roles) or the details of an existing one. */
export function StaffFormModal(props: {
  schoolId: number;
  opened: boolean;
  editing: TStaffMember | null;
  onClose: () => void;
  onCreated: (c: TCredentials) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateStaff(props.schoolId);
  const update = useUpdateStaff(props.schoolId);
  const errors = useFormErrors();
  const e = props.editing;
  const [values, setValues] = useState<Record<Field, string>>({
    lastName: e?.lastName ?? '',
    firstName: e?.firstName ?? '',
    middleName: e?.middleName ?? '',
    position: e?.position ?? '',
    email: e?.email ?? '',
    login: '',
  });
  const [roles, setRoles] = useState<string[]>(['teacher']);

  const close = () => {
    errors.clear();
    props.onClose();
  };
  const submit = () => {
    errors.clear();
    if (e) {
      const { login: _login, ...body } = values;
      update.mutate(
        { userId: e.userId, body },
        {
          onSuccess: () => {
            notifySuccess(t('admin.staff.saved'));
            close();
          },
          onError: errors.show,
        },
      );
      return;
    }
    create.mutate({ ...values, roles: roles as TStaffMember['roles'] }, { onSuccess: (c) => {
      close();
      props.onCreated(c);
    }, onError: errors.show });
  };
  const input = (field: Field, label: string, extra: { description?: string; required?: boolean } = {}) => (
    <TextInput
      label={label}
      {...extra}
      value={values[field]}
      error={errors.fields[field]}
      onChange={(ev) => {
        const value = ev.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
    />
  );

  return (
    <FormModal
      opened={props.opened}
      title={e ? t('admin.staff.editTitle') : t('admin.staff.addTitle')}
      onClose={close}
      onSubmit={submit}
      busy={create.isPending || update.isPending}
      error={errors.form}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {input('lastName', t('admin.lastName'), { required: true })}
        {input('firstName', t('admin.firstName'), { required: true })}
        {input('middleName', t('admin.middleName'))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {input('position', t('admin.staff.position'))}
        {input('email', t('admin.email'))}
      </SimpleGrid>
      {!e && (
        <Stack gap="md">
          {input('login', t('admin.staff.login'), { description: t('admin.staff.loginHint') })}
          <Checkbox.Group label={t('admin.staff.roles')} value={roles} onChange={setRoles} error={errors.fields.roles}>
            <Group mt="xs">
              {STAFF_ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
      )}
    </FormModal>
  );
}
