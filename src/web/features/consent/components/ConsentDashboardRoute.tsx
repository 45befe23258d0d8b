import { Alert, Anchor, Badge, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { StatCard } from '../../../components/ui/StatCard.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { useConsentDashboard } from '../api/get-consent-dashboard.js';
import { ShareBar } from './ShareBar.js';

/** Consent coverage: the school's share, each class's, and the pupils still without consent. */
export function ConsentDashboardRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const dashboard = useConsentDashboard(schoolId);
  const membership = membershipIn(useSignedInMe(), schoolId);
  const managesNotice = !!membership?.roles.some((r) => r === 'head' || r === 'admin');
  return (
    <>
      <PageHeader
        title={t('consent.title')}
        description={t('consent.subtitle')}
        aside={
          managesNotice && (
            <Button component={Link} to={`/s/${schoolId}/consent/notice`} variant="default">
              {t('privacyNotice.open')}
            </Button>
          )
        }
      />
      <QueryStatus query={dashboard}>
        {(d) => (
          <Stack gap={36}>
            {d.olderVersion > 0 && (
              <Alert color="blue" variant="light" maw={720}>
                {t('privacyNotice.dashboardOlder', { count: d.olderVersion })}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, xs: 3 }} maw={720}>
              <StatCard label={t('consent.pupils')} value={d.school.total} />
              <StatCard label={t('consent.withConsent')} value={d.school.consented} />
              <StatCard label={t('consent.missing')} value={d.missing.length} />
            </SimpleGrid>
            <Section title={t('consent.byClass')}>
              <DataTable
                caption={t('consent.byClass')}
                rows={d.classes}
                rowKey={(c) => c.classId}
                columns={[
                  {
                    key: 'class',
                    header: t('consent.class'),
                    cell: (c) => (
                      <Anchor component={Link} to={`/s/${schoolId}/consent/classes/${c.classId}`}>
                        {c.label}
                      </Anchor>
                    ),
                  },
                  { key: 'total', header: t('consent.pupils'), numeric: true, cell: (c) => c.total },
                  { key: 'consented', header: t('consent.withConsent'), numeric: true, cell: (c) => c.consented },
                  { key: 'share', header: t('consent.share'), cell: (c) => <ShareBar share={c.share} label={t('consent.shareOf', { label: c.label })} /> },
                ]}
              />
            </Section>
            <Section title={t('consent.missingTitle')}>
              {d.missing.length ? (
                <DataTable
                  caption={t('consent.missingTitle')}
                  rows={d.missing}
                  rowKey={(m) => m.pupilId}
                  columns={[
                    { key: 'name', header: t('consent.pupil'), cell: (m) => m.name },
                    {
                      key: 'class',
                      header: t('consent.class'),
                      cell: (m) => (
                        <Anchor component={Link} to={`/s/${schoolId}/consent/classes/${m.classId}`}>
                          {m.classLabel}
                        </Anchor>
                      ),
                    },
                    {
                      key: 'state',
                      header: t('consent.state.label'),
                      cell: (m) =>
                        m.withdrawn ? <Badge color="red">{t('consent.state.withdrawn')}</Badge> : <Badge color="yellow">{t('consent.state.none')}</Badge>,
                    },
                    {
                      key: 'guardians',
                      header: t('consent.guardians'),
                      cell: (m) => (m.guardians ? m.guardians : <Text size="sm" c="red">{t('consent.noGuardians')}</Text>),
                    },
                  ]}
                />
              ) : (
                <EmptyNote>{t('consent.allConsented')}</EmptyNote>
              )}
            </Section>
          </Stack>
        )}
      </QueryStatus>
    </>
  );
}
