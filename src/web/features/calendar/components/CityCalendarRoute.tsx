import { ActionIcon, Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCityDayOffChange } from '../../../../shared/api/calendar.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useDeclareCityDayOff } from '../api/declare-city-day-off.js';
import { useCityDaysOff } from '../api/get-city-days-off.js';
import { useWithdrawCityDayOff } from '../api/withdraw-city-day-off.js';

/** "Вихідні дні міста": days the city declares off for every school, reaching their journals. */
export function CityCalendarRoute() {
  const { t } = useTranslation();
  const cityId = useNumberParam('cityId');
  const days = useCityDaysOff(cityId);
  const declare = useDeclareCityDayOff(cityId);
  const withdraw = useWithdrawCityDayOff(cityId);
  const [values, setValues] = useState({ day: '', name: '' });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const reached = (res: TCityDayOffChange) => notifySuccess(t('calendar.city.reached', { schools: res.schools, ...res.lessons }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFields({});
    declare.mutate(values, {
      onSuccess: (res) => {
        reached(res);
        setValues({ day: '', name: '' });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length) setFields(err.fieldMap());
        setError(err.message);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('calendar.city.title')} description={days.data?.cityName} />
      <Stack gap={32}>
        <Alert variant="light" color="blue" py="xs">
          {t('calendar.city.note')}
        </Alert>
        <Section title={t('calendar.city.declare')}>
          <form onSubmit={submit} noValidate aria-label={t('calendar.city.declare')}>
            <Stack gap="sm">
              {error && (
                <Alert color="red" variant="light" role="alert">
                  {error}
                </Alert>
              )}
              <Group align="flex-start" gap="sm">
                <TextInput type="date" label={t('calendar.city.day')} value={values.day} onChange={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, day: value }));
                }} w={170} error={fields.day} required />
                <TextInput label={t('calendar.city.reason')} placeholder={t('calendar.city.reasonPlaceholder')} value={values.name} onChange={(e) => {
                  const value = e.currentTarget.value;
                  setValues((v) => ({ ...v, name: value }));
                }} maxLength={100} w={320} error={fields.name} required />
                <Button type="submit" mt={25} loading={declare.isPending}>
                  {t('calendar.city.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Section>
        <Section title={t('calendar.city.list')}>
          <QueryStatus query={days}>
            {(data) =>
              data.daysOff.length ? (
                <DataTable
                  caption={t('calendar.city.list')}
                  rows={data.daysOff}
                  rowKey={(d) => d.day}
                  columns={[
                    { key: 'day', header: t('calendar.city.day'), cell: (d) => formatDate(d.day) },
                    { key: 'name', header: t('calendar.city.reason'), cell: (d) => d.name },
                    {
                      key: 'withdraw',
                      header: '',
                      cell: (d) => (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('calendar.city.withdraw', { date: formatDate(d.day) })}
                          loading={withdraw.isPending && withdraw.variables === d.day}
                          onClick={() => withdraw.mutate(d.day, { onSuccess: reached })}
                        >
                          ×
                        </ActionIcon>
                      ),
                    },
                  ]}
                />
              ) : (
                <EmptyNote>{t('calendar.city.none')}</EmptyNote>
              )
            }
          </QueryStatus>
        </Section>
      </Stack>
    </>
  );
}
