import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify.js';
import { todayIso } from '../../../lib/format.js';
import { useMovePupil } from '../api/move-pupil.js';
import { FormModal, useFormErrors } from './admin-form.js';

/** A transfer to another class of the year, or a departure from the school, with date and order. */
export function MoveModal(props: {
  schoolId: number;
  kind: 'transfer' | 'departure' | 'arrival';
  pupilId: number;
  pupilName: string;
  classes: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useMovePupil(props.schoolId);
  const errors = useFormErrors();
  const [toClass, setToClass] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [order, setOrder] = useState('');
  const transfer = props.kind === 'transfer';
  const pickClass = props.kind !== 'departure';
  const submit = () => {
    errors.clear();
    const m =
      props.kind === 'transfer'
        ? { kind: 'transfer' as const, toClassId: Number(toClass), date, order }
        : props.kind === 'arrival'
          ? { kind: 'arrival' as const, classId: Number(toClass), date, order }
          : { kind: 'departure' as const, date, order };
    move.mutate(
      { pupilId: props.pupilId, move: m },
      {
        onSuccess: () => {
          notifySuccess(t('admin.staff.saved'));
          props.onClose();
        },
        onError: errors.show,
      },
    );
  };
  return (
    <FormModal
      opened
      title={t(`admin.class.${props.kind}Title` as 'admin.class.transferTitle', { name: props.pupilName })}
      onClose={props.onClose}
      onSubmit={submit}
      busy={move.isPending}
      error={errors.form}
      submitLabel={t(`admin.class.${props.kind}` as 'admin.class.transfer')}
    >
      <SimpleGrid cols={{ base: 1, sm: pickClass ? 3 : 2 }}>
        {pickClass && (
          <Select
            label={t('admin.class.targetClass')}
            data={props.classes}
            value={toClass}
            onChange={setToClass}
            required
            error={errors.fields.toClassId ?? errors.fields.classId}
          />
        )}
        <TextInput
          type="date"
          label={t('admin.date')}
          description={t(transfer ? 'admin.class.transferDateHint' : props.kind === 'arrival' ? 'admin.class.arrivalDateHint' : 'admin.class.departureDateHint')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.fields.date}
          required
        />
        <TextInput label={t('admin.order')} value={order} onChange={(e) => setOrder(e.currentTarget.value)} error={errors.fields.order} required />
      </SimpleGrid>
    </FormModal>
  );
}
