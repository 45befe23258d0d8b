import { Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { todayIso } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { useCompleteness } from '../api/get-completeness.js';
import { useYears } from '../api/get-years.js';
import { CompletenessList } from './CompletenessList.js';
import { PromotionPanel } from './PromotionPanel.js';
import { YearStatusPanel } from './YearStatusPanel.js';

/** /s/:schoolId/yearend: what is missing, closing with a reason, reopening, promotion. */
export function YearEndRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const years = useYears(schoolId);
  const [picked, setPicked] = useState<number | null>(null);
  const list = years.data?.years ?? [];
  // the year under way (not one made ahead by promotion), unless the person picks another
  const current = list.find((y) => y.startsOn <= todayIso()) ?? list[0];
  const year = list.find((y) => y.id === picked) ?? current;
  const completeness = useCompleteness(schoolId, year?.id ?? null);
  const missing = completeness.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('yearend.title')}
        description={t('yearend.description')}
        aside={
          list.length > 1 && (
            <Select
              aria-label={t('yearend.year')}
              data={list.map((y) => ({ value: String(y.id), label: y.name }))}
              value={year ? String(year.id) : null}
              onChange={(v) => setPicked(v ? Number(v) : null)}
              allowDeselect={false}
              w={160}
            />
          )
        }
      />
      <QueryStatus query={years}>
        {() =>
          !year ? (
            <EmptyNote>{t('yearend.noYears')}</EmptyNote>
          ) : (
            <Stack gap={36}>
              <Section title={t('yearend.statusTitle', { name: year.name })}>
                <YearStatusPanel schoolId={schoolId} year={year} missing={missing} canClose={roles.includes('head')} />
              </Section>
              <Section title={t('yearend.checkTitle')}>
                <QueryStatus query={completeness}>{(data) => <CompletenessList schoolId={schoolId} data={data} />}</QueryStatus>
              </Section>
              {(roles.includes('head') || roles.includes('admin')) && (
                <Section title={t('yearend.promotionTitle')}>
                  <PromotionPanel schoolId={schoolId} yearId={year.id} />
                </Section>
              )}
            </Stack>
          )
        }
      </QueryStatus>
    </>
  );
}
