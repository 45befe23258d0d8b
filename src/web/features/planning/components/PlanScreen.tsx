import { Alert, Badge, Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TPlan } from '../../../../shared/api/planning.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { formatDate } from '../../../lib/format.js';
import { usePlan } from '../api/get-plan.js';
import { AgreementNote } from './AgreementNote.js';
import { CopyPanel } from './CopyPanel.js';
import { ImportPanel } from './ImportPanel.js';
import { PlanEditor } from './PlanEditor.js';

/** The plan screen of one page and semester: the disagreement, the editable plan, import, reuse. */
export function PlanScreen({ schoolId, pageId, semester }: { schoolId: number; pageId: number; semester: number }) {
  const query = usePlan(schoolId, pageId, semester);
  return <QueryStatus query={query}>{(plan) => <PlanView schoolId={schoolId} plan={plan} onReload={() => void query.refetch()} />}</QueryStatus>;
}

function PlanView({ schoolId, plan, onReload }: { schoolId: number; plan: TPlan; onReload: () => void }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const p = plan.page;
  const title = `${p.classLabel}${p.groupName ? ` (${p.groupName})` : ''} · ${p.subjectName}`;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${t('planning.title')}: ${title}`}
        description={
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {p.teacherName ?? ''} · {p.yearName}
              {plan.updatedAt && plan.source ? ` · ${t('planning.updated', { at: formatDate(plan.updatedAt.slice(0, 10)), source: t(`planning.source.${plan.source}`) })}` : ''}
            </Text>
            {!plan.canEdit && (
              <Badge variant="light" color="gray" tt="none">
                {t('planning.readOnly')}
              </Badge>
            )}
          </Group>
        }
        aside={
          <Group gap="sm">
            <SegmentedControl
              size="sm"
              aria-label={t('journal.screen.semester')}
              value={String(plan.semester)}
              onChange={(v) => setParams({ semester: v }, { replace: true })}
              data={[
                { value: '1', label: t('school.semester1') },
                { value: '2', label: t('school.semester2') },
              ]}
            />
            <Button component={Link} to={`/s/${schoolId}/journal/${plan.pageId}?semester=${plan.semester}`} variant="default" size="sm">
              {t('planning.back')}
            </Button>
          </Group>
        }
      />
      {plan.exists ? <AgreementNote agreement={plan.agreement} allowance={plan.allowance} /> : <Text c="dimmed">{t('planning.noPlan')}</Text>}
      {plan.notes.length > 0 && (
        <Alert color="yellow" variant="light" title={t('planning.notes')}>
          <List size="sm">
            {plan.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {(plan.exists || plan.canEdit) && <PlanEditor key={`${plan.semester}:${plan.version}`} schoolId={schoolId} plan={plan} onReload={onReload} />}
      {plan.canEdit && (
        <Section title={t('planning.importTitle')}>
          <ImportPanel schoolId={schoolId} plan={plan} />
        </Section>
      )}
      {plan.canCopyToOthers && (
        <Section title={t('planning.copyTitle')}>
          <CopyPanel schoolId={schoolId} plan={plan} />
        </Section>
      )}
    </Stack>
  );
}
