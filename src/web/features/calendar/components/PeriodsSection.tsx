import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_KINDS, type TCalendarKind, type TSchoolCalendar } from '../../../../shared/api/calendar.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { Section } from '../../../components/ui/Section.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useAddPeriod } from '../api/add-period.js';
import { useDeletePeriod } from '../api/delete-period.js';
import { lessonChangesText } from './lesson-changes.js';

const KIND_COLOR: Record<TCalendarKind, string> = { holiday: 'teal', day_off: 'grape', remote: 'blue' };
const EMPTY = { kind: 'holiday', startsOn: '', endsOn: '', name: '' };

/** Holidays, days off and remote-learning days: a list and a line to add one. */
export function PeriodsSection({ schoolId, calendar, canEdit }: { schoolId: number; calendar: TSchoolCalendar; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useAddPeriod(schoolId);
  const remove = useDeletePeriod(schoolId);
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const refreshTimetable = () => client.invalidateQueries({ queryKey: ['schools', schoolId, 'timetable'] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    const body = { kind: values.kind as TCalendarKind, startsOn: values.startsOn, endsOn: values.endsOn || values.startsOn, name: values.name };
    add.mutate(body, {
      onSuccess: (res) => {
        notifySuccess(lessonChangesText(t, res.lessons));
        setValues(EMPTY);
        void refreshTimetable();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
        setError(err.message);
      },
    });
  };

  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const kinds = CALENDAR_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }));

  return (
    <Section title={t('calendar.periodsSection')}>
      <Stack gap="md">
        {calendar.periods.length ? (
          <DataTable
            caption={t('calendar.periodsSection')}
            rows={calendar.periods}
            rowKey={(p) => p.id}
            columns={[
              { key: 'kind', header: t('calendar.kind'), cell: (p) => <Badge color={KIND_COLOR[p.kind]} variant="light">{t(`calendar.kinds.${p.kind}`)}</Badge> },
              { key: 'dates', header: t('calendar.dates'), cell: (p) => (p.startsOn === p.endsOn ? formatDate(p.startsOn) : `${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`) },
              { key: 'name', header: t('calendar.name'), cell: (p) => p.name || t('common.none') },
              ...(canEdit
                ? [
                    {
                      key: 'remove',
                      header: '',
                      cell: (p: (typeof calendar.periods)[number]) => (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('calendar.remove', { name: p.name || t(`calendar.kinds.${p.kind}`), date: formatDate(p.startsOn) })}
                          loading={remove.isPending && remove.variables === p.id}
                          onClick={() =>
                            remove.mutate(p.id, {
                              onSuccess: (res) => {
                                notifySuccess(lessonChangesText(t, res.lessons));
                                void refreshTimetable();
                              },
                            })
                          }
                        >
                          ×
                        </ActionIcon>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <EmptyNote>{t('calendar.periodsNone')}</EmptyNote>
        )}
        {canEdit && (
          <form onSubmit={submit} noValidate aria-label={t('calendar.addTitle')}>
            <Stack gap="sm">
              {error && (
                <Alert color="red" variant="light" role="alert">
                  {error}
                </Alert>
              )}
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Select label={t('calendar.kind')} data={kinds} value={values.kind} onChange={(v) => set('kind')(v ?? 'holiday')} allowDeselect={false} w={200} error={fields.kind} />
                <TextInput type="date" label={t('calendar.from')} value={values.startsOn} onChange={(e) => set('startsOn')(e.currentTarget.value)} min={calendar.year.startsOn} max={calendar.year.endsOn} w={170} error={fields.startsOn} />
                <TextInput type="date" label={t('calendar.to')} value={values.endsOn} onChange={(e) => set('endsOn')(e.currentTarget.value)} min={values.startsOn || calendar.year.startsOn} max={calendar.year.endsOn} w={170} error={fields.endsOn} description={t('calendar.toHint')} />
                <TextInput label={t('calendar.name')} value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} maxLength={100} w={240} placeholder={t('calendar.namePlaceholder')} error={fields.name} />
                <Button type="submit" mt={25} loading={add.isPending}>
                  {t('calendar.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
