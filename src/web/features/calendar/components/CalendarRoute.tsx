import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { formatDate } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { useCalendar } from '../api/get-calendar.js';
import { PeriodsSection } from './PeriodsSection.js';
import { YearForm } from './YearForm.js';

/** "Календар навчального року": the year, semesters, holidays, days off and remote days. */
export function CalendarRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const calendar = useCalendar(schoolId);
  return (
    <>
      <PageHeader title={t('calendar.title')} description={calendar.data ? t('calendar.yearLine', { name: calendar.data.year.name }) : undefined} />
      <QueryStatus query={calendar}>
        {(data) => {
          const canEdit = (roles.includes('admin') || roles.includes('head')) && data.year.status === 'open';
          return (
            <Stack gap={32}>
              <Alert variant="light" color="blue" py="xs">
                {t('calendar.lessonsNote')}
              </Alert>
              <Section title={t('calendar.yearSection')}>
                <YearForm schoolId={schoolId} calendar={data} canEdit={canEdit} />
              </Section>
              <PeriodsSection schoolId={schoolId} calendar={data} canEdit={canEdit} />
              <Section title={t('calendar.citySection')}>
                {data.cityDaysOff.length ? (
                  <Stack gap={4} component="ul" style={{ paddingLeft: 20, margin: 0 }}>
                    {data.cityDaysOff.map((d) => (
                      <Text component="li" key={d.day} size="sm">
                        {formatDate(d.day)} — {d.name}
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('calendar.cityNone')}
                  </Text>
                )}
              </Section>
            </Stack>
          );
        }}
      </QueryStatus>
    </>
  );
}
