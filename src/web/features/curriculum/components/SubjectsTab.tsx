import { ActionIcon, Alert, Badge, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSubject } from '../../../../shared/api/curriculum.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeleteSubject } from '../api/delete-subject.js';
import { useSubjects } from '../api/get-subjects.js';
import { useSaveSubject } from '../api/save-subject.js';

/** The school's subjects: add, rename, delete the unused ones. */
export function SubjectsTab({ schoolId, canEdit }: { schoolId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const subjects = useSubjects(schoolId);
  const save = useSaveSubject(schoolId);
  const remove = useDeleteSubject(schoolId);
  const [editing, setEditing] = useState<number | null>(null);
  const [values, setValues] = useState({ name: '', shortName: '' });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const reset = () => {
    setEditing(null);
    setValues({ name: '', shortName: '' });
    setError(null);
    setFields({});
  };
  const edit = (s: TSubject) => {
    reset();
    setEditing(s.id);
    setValues({ name: s.name, shortName: s.shortName });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    save.mutate(
      { subjectId: editing, body: values },
      {
        onSuccess: () => {
          notifySuccess(t('curriculum.subjects.saved'));
          reset();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
          else setError(err.message);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group align="flex-start" gap="sm">
              <TextInput label={t('curriculum.subjects.name')} value={values.name} onChange={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, name: value }));
                }} maxLength={100} w={280} error={fields.name} />
              <TextInput label={t('curriculum.subjects.shortName')} value={values.shortName} onChange={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, shortName: value }));
                }} maxLength={30} w={160} error={fields.shortName} />
              <Button type="submit" mt={25} loading={save.isPending}>
                {editing === null ? t('curriculum.subjects.add') : t('curriculum.subjects.save')}
              </Button>
              {editing !== null && (
                <Button variant="default" mt={25} onClick={reset}>
                  {t('curriculum.subjects.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
      <QueryStatus query={subjects}>
        {(data) =>
          data.length ? (
            <DataTable
              caption={t('curriculum.subjects.caption')}
              rows={data}
              rowKey={(s) => s.id}
              columns={[
                { key: 'name', header: t('curriculum.subjects.name'), cell: (s) => s.name },
                { key: 'short', header: t('curriculum.subjects.shortName'), cell: (s) => s.shortName },
                { key: 'use', header: '', cell: (s) => (s.inUse ? <Badge variant="light">{t('curriculum.subjects.inUse')}</Badge> : null) },
                ...(canEdit
                  ? [
                      {
                        key: 'actions',
                        header: '',
                        cell: (s: TSubject) => (
                          <Group gap={4} justify="flex-end">
                            <Button variant="subtle" size="xs" onClick={() => edit(s)} aria-label={t('curriculum.subjects.editOf', { name: s.name })}>
                              {t('curriculum.subjects.edit')}
                            </Button>
                            {!s.inUse && (
                              <ActionIcon variant="subtle" color="red" aria-label={t('curriculum.subjects.delete', { name: s.name })} onClick={() => remove.mutate(s.id)}>
                                ×
                              </ActionIcon>
                            )}
                          </Group>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          ) : (
            <EmptyNote>{t('curriculum.subjects.none')}</EmptyNote>
          )
        }
      </QueryStatus>
    </Stack>
  );
}
