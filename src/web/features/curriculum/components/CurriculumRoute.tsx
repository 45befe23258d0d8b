import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { GroupsTab } from './GroupsTab.js';
import { LoadTab } from './LoadTab.js';
import { PlanTab } from './PlanTab.js';
import { SubjectsTab } from './SubjectsTab.js';

const TABS = ['load', 'plan', 'groups', 'subjects'] as const;
type Tab = (typeof TABS)[number];

/** "Навчальний план і навантаження": pages and teachers, hours per grade, split groups, subjects. */
export function CurriculumRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const canEdit = roles.includes('admin') || roles.includes('head');
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'load';
  const choose = (value: string | null) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('tab', value ?? 'load');
    return next;
  }, { replace: true });

  return (
    <>
      <PageHeader title={t('curriculum.title')} description={t('curriculum.subtitle')} />
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`curriculum.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="load">
          <LoadTab schoolId={schoolId} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanTab schoolId={schoolId} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsTab schoolId={schoolId} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="subjects">
          <SubjectsTab schoolId={schoolId} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
