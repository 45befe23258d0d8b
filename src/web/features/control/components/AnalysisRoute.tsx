import { Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TAnalysis } from '../../../../shared/api/control.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { useAnalysis } from '../api/get-analysis.js';
import type { GapsFilter } from '../api/get-gaps.js';
import { useTrend } from '../api/get-trend.js';
import { FillSummary } from './FillSummary.js';
import { FillTable } from './FillTable.js';
import { GapsDrawer } from './GapsDrawer.js';
import { LateChangesSection } from './LateChangesSection.js';
import { PeriodBar } from './PeriodBar.js';
import { QualitySection } from './QualitySection.js';
import { TrendChart } from './TrendChart.js';

type By = 'teacher' | 'class' | 'subject' | 'page';
const FILTER_OF: Record<By, keyof GapsFilter> = { teacher: 'teacherId', class: 'classId', subject: 'subjectId', page: 'pageId' };
type Drill = (Omit<GapsFilter, 'kind'> & { title: string }) | null;

function TrendSection({ schoolId, from }: { schoolId: number; from: string }) {
  const { t } = useTranslation();
  const trend = useTrend(schoolId, from);
  return (
    <Section title={t('control.trend')}>
      <Text size="sm" c="dimmed">
        {t('control.trendFromReport')}
      </Text>
      <QueryStatus query={trend}>{(data) => <TrendChart trend={data} selectedFrom={from} />}</QueryStatus>
    </Section>
  );
}

function Results({ a, onDrill }: { a: TAnalysis; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('teacher');
  const rows = { teacher: a.byTeacher, class: a.byClass, subject: a.bySubject, page: a.byPage }[by];
  const { from, to } = a.period;
  if (!a.byPage.length) return <EmptyNote>{t('control.noData')}</EmptyNote>;
  return (
    <Stack gap="md">
      <FillSummary figures={a.school} />
      <Tabs value={by} onChange={(v) => setBy((v as By) ?? 'teacher')}>
        <Tabs.List>
          {(['teacher', 'class', 'subject', 'page'] as const).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`control.by.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <FillTable
        rows={rows}
        keyTitle={t(`control.by.${by}`)}
        schoolLevel={a.school.level}
        caption={t(`control.by.${by}`)}
        onGaps={(r) => onDrill({ from, to, [FILTER_OF[by]]: r.key.id || undefined, title: r.key.name })}
      />
    </Stack>
  );
}

/** /s/:schoolId/analysis: the head's weekly analysis of how completely the journals are filled. */
export function AnalysisRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const [params, setParams] = useSearchParams();
  const period = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const analysis = useAnalysis(schoolId, period);
  const [drill, setDrill] = useState<Drill>(null);
  const choose = (p: { from: string; to: string }) => setParams({ from: p.from, to: p.to }, { replace: true });
  const a = analysis.data;

  return (
    <>
      <PageHeader
        title={t('control.analysis')}
        description={t('control.analysisIntro')}
        aside={
          <Group gap="xs">
            <Button component={Link} to={`/s/${schoolId}/analysis/reports`} variant="default">
              {t('control.reports')}
            </Button>
            <Button component={Link} to={`/s/${schoolId}/remarks`} variant="default">
              {t('control.remarksShort')}
            </Button>
          </Group>
        }
      />
      <Stack gap={36}>
        <Stack gap="md">
          {a && <PeriodBar from={a.period.from} to={a.period.to} effectiveTo={a.period.effectiveTo} today={a.today} onChange={choose} />}
          <QueryStatus query={analysis}>{(data) => <Results a={data} onDrill={setDrill} />}</QueryStatus>
        </Stack>
        {a && <TrendSection schoolId={schoolId} from={a.period.from} />}
        <LateChangesSection schoolId={schoolId} canReview={roles.includes('head')} />
        {a && <QualitySection schoolId={schoolId} from={a.period.from} to={a.period.to} />}
      </Stack>
      <GapsDrawer schoolId={schoolId} filter={drill} onClose={() => setDrill(null)} />
    </>
  );
}
