import { Button, Group, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { StatCard } from '../../../components/ui/StatCard.js';
import { useConsentDashboard } from '../api/get-consent-dashboard.js';

/** On the home screen of the head, the administrator and class teachers: consent at a glance. */
export function ConsentHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const dashboard = useConsentDashboard(schoolId);
  return (
    <Section
      title={t('consent.home.title')}
      aside={
        <Group gap="xs">
          <Button component={Link} to={`/s/${schoolId}/consent`} variant="light" size="xs">
            {t('consent.home.open')}
          </Button>
          <Button component={Link} to={`/s/${schoolId}/announcements`} variant="light" size="xs">
            {t('notices.title')}
          </Button>
        </Group>
      }
    >
      <QueryStatus query={dashboard}>
        {(d) => (
          <SimpleGrid cols={{ base: 1, xs: 3 }} maw={720}>
            <StatCard label={t('consent.pupils')} value={d.school.total} />
            <StatCard label={t('consent.withConsent')} value={d.school.consented} />
            <StatCard label={t('consent.missing')} value={d.missing.length} />
          </SimpleGrid>
        )}
      </QueryStatus>
    </Section>
  );
}
