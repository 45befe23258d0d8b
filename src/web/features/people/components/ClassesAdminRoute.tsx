import { Anchor, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAdminClass } from '../../../../shared/api/admin.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useCreateClass } from '../api/create-class.js';
import { useAdminClasses } from '../api/get-admin-classes.js';
import { useStaff } from '../api/get-staff.js';
import { FormAlert, useFormErrors } from './admin-form.js';

const GRADES = Array.from({ length: 11 }, (_, i) => String(i + 1));

/** Active staff as choices for a class teacher. */
export function useTeacherChoices(schoolId: number) {
  const staff = useStaff(schoolId);
  return (staff.data ?? []).filter((m) => m.active).map((m) => ({ value: String(m.userId), label: `${m.lastName} ${m.firstName} ${m.middleName}`.trim() }));
}

function CreateClassForm({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const create = useCreateClass(schoolId);
  const errors = useFormErrors();
  const teachers = useTeacherChoices(schoolId);
  const [grade, setGrade] = useState<string | null>('1');
  const [letter, setLetter] = useState('');
  const [teacher, setTeacher] = useState<string | null>(null);
  const submit = () => {
    errors.clear();
    create.mutate(
      { grade: Number(grade), letter, classTeacherId: teacher ? Number(teacher) : null },
      {
        onSuccess: (c) => {
          notifySuccess(t('admin.classes.created', { label: c.label }));
          setLetter('');
          setTeacher(null);
        },
        onError: errors.show,
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" mb="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FormAlert message={errors.form} />
        <Group align="flex-start" mt={errors.form ? 'sm' : 0}>
          <Select label={t('admin.classes.grade')} data={GRADES} value={grade} onChange={setGrade} w={110} error={errors.fields.grade} allowDeselect={false} />
          <TextInput label={t('admin.classes.letter')} value={letter} onChange={(e) => setLetter(e.currentTarget.value)} w={110} maxLength={1} error={errors.fields.letter} />
          <Select
            label={t('admin.classes.classTeacher')}
            data={teachers}
            value={teacher}
            onChange={setTeacher}
            searchable
            clearable
            w={300}
            error={errors.fields.classTeacherId}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('admin.classes.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** /s/:schoolId/admin/classes: the open year's classes; create a class; open one to manage its pupils. */
export function ClassesAdminRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const classes = useAdminClasses(schoolId);
  const columns: Column<TAdminClass>[] = [
    {
      key: 'label',
      header: t('people.class'),
      cell: (c) => (
        <Anchor component={Link} to={`/s/${schoolId}/admin/classes/${c.id}`} fw={600}>
          {c.label}
        </Anchor>
      ),
    },
    {
      key: 'teacher',
      header: t('admin.classes.classTeacher'),
      cell: (c) => c.classTeacher?.name ?? <Text span c="dimmed" size="sm">{t('admin.classes.none')}</Text>,
    },
    { key: 'pupils', header: t('admin.classes.pupils'), numeric: true, cell: (c) => c.pupils },
  ];
  return (
    <>
      <PageHeader title={t('admin.classes.title')} description={classes.data ? t('admin.classes.year', { name: classes.data.year.name }) : undefined} />
      <CreateClassForm schoolId={schoolId} />
      <QueryStatus query={classes}>
        {(data) =>
          data.classes.length ? (
            <DataTable rows={data.classes} columns={columns} rowKey={(c) => c.id} caption={t('admin.classes.title')} />
          ) : (
            <EmptyNote>{t('admin.classes.empty')}</EmptyNote>
          )
        }
      </QueryStatus>
    </>
  );
}
