import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify.js';
import type { TAdminPupil } from '../../../../shared/api/admin.js';
import { useAddPupil } from '../api/add-pupil.js';
import { useUpdatePupil } from '../api/update-pupil.js';
import { FormModal, useFormErrors } from './admin-form.js';

type Field = 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'fromDate' | 'order';

/** A new pupil of the class (names, date of birth, gender, from which date and by which order), or a pupil's details. */
export function PupilFormModal(props: { schoolId: number; classId: number; label: string; yearStart: string; editing?: TAdminPupil; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddPupil(props.schoolId, props.classId);
  const update = useUpdatePupil(props.schoolId);
  const errors = useFormErrors();
  const e = props.editing;
  const [values, setValues] = useState<Record<Field, string>>({
    lastName: e?.lastName ?? '',
    firstName: e?.firstName ?? '',
    middleName: e?.middleName ?? '',
    birthDate: e?.birthDate ?? '',
    fromDate: props.yearStart,
    order: '',
  });
  const [gender, setGender] = useState<string | null>(e?.gender ?? null);
  const input = (field: Field, label: string, extra: { type?: string; required?: boolean; description?: string } = {}) => (
    <TextInput
      label={label}
      {...extra}
      value={values[field]}
      error={errors.fields[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
    />
  );
  const done = {
    onSuccess: () => {
      notifySuccess(t('admin.staff.saved'));
      props.onClose();
    },
    onError: errors.show,
  };
  const submit = () => {
    errors.clear();
    if (e) {
      const { lastName, firstName, middleName } = values;
      const body = { lastName, firstName, middleName, birthDate: values.birthDate || null, gender: (gender as 'm' | 'f' | null) ?? null };
      return update.mutate({ pupilId: e.id, body }, done);
    }
    add.mutate(
      { ...values, birthDate: values.birthDate || null, gender: (gender as 'm' | 'f' | null) ?? null, fromDate: values.fromDate || undefined },
      done,
    );
  };
  return (
    <FormModal
      opened
      title={e ? t('admin.class.editPupilTitle', { name: `${e.lastName} ${e.firstName}` }) : t('admin.class.addPupilTitle', { label: props.label })}
      onClose={props.onClose}
      onSubmit={submit}
      busy={add.isPending || update.isPending}
      error={errors.form}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {input('lastName', t('admin.lastName'), { required: true })}
        {input('firstName', t('admin.firstName'), { required: true })}
        {input('middleName', t('admin.middleName'))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {input('birthDate', t('admin.class.birthDate'), { type: 'date' })}
        <Select
          label={t('admin.class.gender')}
          data={[
            { value: 'm', label: t('admin.class.male') },
            { value: 'f', label: t('admin.class.female') },
          ]}
          value={gender}
          onChange={setGender}
          clearable
          error={errors.fields.gender}
        />
        {!e && input('fromDate', t('admin.class.fromDate'), { type: 'date' })}
        {!e && input('order', t('admin.order'), { description: t('admin.class.orderHint') })}
      </SimpleGrid>
    </FormModal>
  );
}
