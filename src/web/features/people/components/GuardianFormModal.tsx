import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type TGuardian } from '../../../../shared/api/admin.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useAddGuardian } from '../api/add-guardian.js';
import { useUpdateGuardian } from '../api/update-guardian.js';
import { FormModal, useFormErrors } from './admin-form.js';

type Field = 'lastName' | 'firstName' | 'middleName' | 'phone' | 'email';

/** A parent or guardian of a pupil (names, phone, e-mail, relation): a new one, or one to correct. */
export function GuardianFormModal(props: { schoolId: number; pupilId: number; pupilName: string; editing?: TGuardian; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddGuardian(props.schoolId);
  const update = useUpdateGuardian(props.schoolId);
  const errors = useFormErrors();
  const g = props.editing;
  const [values, setValues] = useState<Record<Field, string>>({
    lastName: g?.lastName ?? '',
    firstName: g?.firstName ?? '',
    middleName: g?.middleName ?? '',
    phone: g?.phone ?? '',
    email: g?.email ?? '',
  });
  const [relation, setRelation] = useState<string | null>(g?.relation ?? 'mother');
  const input = (field: Field, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={values[field]}
      error={errors.fields[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
    />
  );
  const submit = () => {
    errors.clear();
    const body = { ...values, relation: (relation ?? 'parent') as (typeof RELATIONS)[number] };
    const done = {
      onSuccess: () => {
        notifySuccess(t('admin.staff.saved'));
        props.onClose();
      },
      onError: errors.show,
    };
    if (g) update.mutate({ guardianId: g.id, body }, done);
    else add.mutate({ pupilId: props.pupilId, body }, done);
  };
  return (
    <FormModal opened title={t('admin.class.addGuardianTitle', { name: props.pupilName })} onClose={props.onClose} onSubmit={submit} busy={add.isPending || update.isPending} error={errors.form}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {input('lastName', t('admin.lastName'), true)}
        {input('firstName', t('admin.firstName'), true)}
        {input('middleName', t('admin.middleName'))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('admin.class.relation')}
          data={RELATIONS.map((r) => ({ value: r, label: t(`people.relation.${r}`) }))}
          value={relation}
          onChange={setRelation}
          allowDeselect={false}
        />
        {input('phone', t('admin.phone'))}
        {input('email', t('admin.email'))}
      </SimpleGrid>
    </FormModal>
  );
}
