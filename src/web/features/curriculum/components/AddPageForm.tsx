import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultScaleOf, type TTeacherLoad } from '../../../../shared/api/curriculum.js';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useChangeLoad } from '../api/change-load.js';
import { useSubjects } from '../api/get-subjects.js';

interface Props {
  schoolId: number;
  cls: { id: number; label: string; grade: number; groups: { id: number; name: string }[] };
  teachers: readonly TTeacherLoad[];
  scales: readonly { code: string; name: string }[];
}

/** A new page of the class: subject, the whole class or a group, teacher, hours, scale. */
export function AddPageForm({ schoolId, cls, teachers, scales }: Props) {
  const { t } = useTranslation();
  const subjects = useSubjects(schoolId);
  const change = useChangeLoad(schoolId);
  const [values, setValues] = useState({ subjectId: null as string | null, groupId: 'class', teacherId: null as string | null, hours: 1 as number | string, scale: defaultScaleOf(cls.grade) as string });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    if (!values.subjectId) return setFields({ subjectId: t('curriculum.load.chooseSubject') });
    const page = {
      classId: cls.id,
      subjectId: Number(values.subjectId),
      groupId: values.groupId === 'class' ? null : Number(values.groupId),
      teacherId: values.teacherId ? Number(values.teacherId) : null,
      hoursPerWeek: Number(values.hours),
      scaleCode: values.scale,
    };
    change.mutate(
      { kind: 'add', page },
      {
        onSuccess: () => {
          notifySuccess(t('curriculum.load.added'));
          setValues((v) => ({ ...v, subjectId: null, teacherId: null }));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
          setError(err.message);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-labelledby="add-page-title">
      <Stack gap="sm">
        <Title order={3} fz="md" id="add-page-title">
          {t('curriculum.load.addTitle', { label: cls.label })}
        </Title>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('curriculum.load.subject')}
            data={(subjects.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={values.subjectId}
            onChange={(v) => setValues((s) => ({ ...s, subjectId: v }))}
            searchable
            w={220}
            error={fields.subjectId}
            comboboxProps={{ shadow: 'md' }}
          />
          <Select
            label={t('curriculum.load.group')}
            data={[{ value: 'class', label: t('curriculum.load.wholeClass') }, ...cls.groups.map((g) => ({ value: String(g.id), label: g.name }))]}
            value={values.groupId}
            onChange={(v) => setValues((s) => ({ ...s, groupId: v ?? 'class' }))}
            allowDeselect={false}
            w={150}
            error={fields.groupId}
          />
          <Select
            label={t('curriculum.load.teacher')}
            data={teachers.map((x) => ({ value: String(x.id), label: x.name }))}
            value={values.teacherId}
            onChange={(v) => setValues((s) => ({ ...s, teacherId: v }))}
            placeholder={t('curriculum.load.noTeacher')}
            searchable
            clearable
            w={240}
            error={fields.teacherId}
            comboboxProps={{ shadow: 'md' }}
          />
          <NumberInput label={t('curriculum.load.hours')} value={values.hours} onChange={(v) => setValues((s) => ({ ...s, hours: v }))} min={0.5} max={40} step={0.5} decimalScale={1} w={100} error={fields.hoursPerWeek} />
          <Select
            label={t('curriculum.load.scale')}
            data={scales.map((s) => ({ value: s.code, label: s.name }))}
            value={values.scale}
            onChange={(v) => setValues((s) => ({ ...s, scale: v ?? s.scale }))}
            allowDeselect={false}
            w={180}
          />
          <Button type="submit" mt={25} loading={change.isPending}>
            {t('curriculum.load.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
