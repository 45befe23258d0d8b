import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSchoolCalendar, TYearInput } from '../../../../shared/api/calendar.js';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSetYear } from '../api/set-year.js';
import { lessonChangesText } from './lesson-changes.js';

type Field = 'startsOn' | 'endsOn' | 's1from' | 's1to' | 's2from' | 's2to';

function initial(c: TSchoolCalendar): Record<Field, string> {
  const s = (n: number) => c.semesters.find((x) => x.number === n);
  return { startsOn: c.year.startsOn, endsOn: c.year.endsOn, s1from: s(1)?.startsOn ?? '', s1to: s(1)?.endsOn ?? '', s2from: s(2)?.startsOn ?? '', s2to: s(2)?.endsOn ?? '' };
}

/** The year's dates and its two semesters, with the school days each semester has. */
export function YearForm({ schoolId, calendar, canEdit }: { schoolId: number; calendar: TSchoolCalendar; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useSetYear(schoolId);
  const [values, setValues] = useState(() => initial(calendar));
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    const semesters: TYearInput['semesters'] = [{ number: 1, startsOn: values.s1from, endsOn: values.s1to }];
    if (values.s2from || values.s2to) semesters.push({ number: 2, startsOn: values.s2from, endsOn: values.s2to });
    save.mutate(
      { startsOn: values.startsOn, endsOn: values.endsOn, semesters },
      {
        onSuccess: (res) => {
          notifySuccess(lessonChangesText(t, res.lessons));
          void client.invalidateQueries({ queryKey: ['schools', schoolId, 'timetable'] });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
          setError(err.message);
        },
      },
    );
  };

  const input = (field: Field, label: string, path: string) => (
    <TextInput
      type="date"
      label={label}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
      disabled={!canEdit}
      error={fields[path]}
    />
  );
  const days = (n: number) => calendar.schoolDays.find((d) => d.semester === n)?.days;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input('startsOn', t('calendar.yearStarts'), 'startsOn')}
          {input('endsOn', t('calendar.yearEnds'), 'endsOn')}
          {input('s1from', t('calendar.semesterStarts', { n: 'І' }), 'semesters.0.startsOn')}
          {input('s1to', t('calendar.semesterEnds', { n: 'І' }), 'semesters.0.endsOn')}
          {input('s2from', t('calendar.semesterStarts', { n: 'ІІ' }), 'semesters.1.startsOn')}
          {input('s2to', t('calendar.semesterEnds', { n: 'ІІ' }), 'semesters.1.endsOn')}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {[1, 2]
            .filter((n) => days(n) !== undefined)
            .map((n) => t('calendar.schoolDays', { n: n === 1 ? 'І' : 'ІІ', days: days(n) }))
            .join(' · ')}
        </Text>
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('calendar.saveYear')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
