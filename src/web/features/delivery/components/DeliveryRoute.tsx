import { Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DELIVERY_BY, type TDelivery, type TDeliveryBy } from '../../../../shared/api/delivery.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { useNumberParam } from '../../../lib/params.js';
import { type DeliveryFilter, useDelivery } from '../api/get-delivery.js';
import { formatNumber } from '../format.js';
import { DeliveryTable } from './DeliveryTable.js';

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The filter as kept in the address (so a report can be shared as a link). */
export function useDeliveryFilter(): [DeliveryFilter, (patch: Partial<Record<keyof DeliveryFilter, string | null>>) => void, URLSearchParams] {
  const [params, setParams] = useSearchParams();
  const byParam = params.get('by');
  const filter: DeliveryFilter = {
    semester: num(params.get('semester')),
    classId: num(params.get('class')),
    subjectId: num(params.get('subject')),
    teacherId: num(params.get('teacher')),
    by: (DELIVERY_BY as readonly string[]).includes(byParam ?? '') ? (byParam as TDeliveryBy) : 'page',
  };
  const names: Record<keyof DeliveryFilter, string> = { semester: 'semester', classId: 'class', subjectId: 'subject', teacherId: 'teacher', by: 'by' };
  const set = (patch: Partial<Record<keyof DeliveryFilter, string | null>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      const name = names[k as keyof DeliveryFilter];
      if (v) next.set(name, v);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };
  return [filter, set, params];
}

export function SemesterNote({ semester }: { semester: TDelivery['semester'] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {semester.ended
        ? t('delivery.semesterEnded', { date: formatDate(semester.endsOn) })
        : t('delivery.semesterRuns', {
            date: formatDate(semester.endsOn),
            dueTo: formatDate(semester.dueTo),
            weeks: formatNumber(semester.weeksDue),
            total: formatNumber(semester.studyWeeks),
          })}
    </Text>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={600} lh={1.2} mt={4} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

function Filters({ d, filter, set }: { d: TDelivery; filter: DeliveryFilter; set: ReturnType<typeof useDeliveryFilter>[1] }) {
  const { t } = useTranslation();
  const opts = (xs: { id: number; name: string }[]) => xs.map((x) => ({ value: String(x.id), label: x.name }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('delivery.semester')}
        data={d.semesters.map((s) => ({ value: String(s.number), label: t('delivery.semesterLabel', { n: s.number, year: d.semester.yearName }) }))}
        value={String(d.semester.number)}
        onChange={(v) => set({ semester: v })}
        allowDeselect={false}
        w={230}
      />
      <Select label={t('delivery.class')} placeholder={t('delivery.all')} data={opts(d.options.classes)} value={filter.classId ? String(filter.classId) : null} onChange={(v) => set({ classId: v })} clearable searchable w={130} />
      <Select label={t('delivery.subject')} placeholder={t('delivery.all')} data={opts(d.options.subjects)} value={filter.subjectId ? String(filter.subjectId) : null} onChange={(v) => set({ subjectId: v })} clearable searchable w={220} />
      <Select label={t('delivery.teacher')} placeholder={t('delivery.all')} data={opts(d.options.teachers)} value={filter.teacherId ? String(filter.teacherId) : null} onChange={(v) => set({ teacherId: v })} clearable searchable w={260} />
    </Group>
  );
}

function Results({ schoolId, d }: { schoolId: number; d: TDelivery }) {
  const { t } = useTranslation();
  const total = d.total;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Stat label={t('delivery.stat.curriculum')} value={formatNumber(total.curriculumHours)} />
        <Stat label={t('delivery.stat.plan')} value={formatNumber(total.planHours)} />
        <Stat label={t('delivery.stat.held')} value={formatNumber(total.heldHours)} />
        <Stat label={t('delivery.stat.short')} value={formatNumber(total.shortfall)} color={total.shortfall > 0 ? 'red' : undefined} />
        <Stat label={t('delivery.stat.delivered')} value={`${formatNumber(total.pagesDelivered)} / ${formatNumber(total.pages)}`} />
      </SimpleGrid>
      {d.rows.length === 0 ? (
        <EmptyNote>{t('delivery.noPages')}</EmptyNote>
      ) : (
        <DeliveryTable schoolId={schoolId} rows={d.rows} by={d.by} caption={t('delivery.byCaption', { by: t(`delivery.by.${d.by}`) })} dueTo={d.semester.ended ? null : d.semester.dueTo} />
      )}
    </Stack>
  );
}

/** /s/:schoolId/delivery: hours by the curriculum and the plan vs held, per page, class, subject or teacher. */
export function DeliveryRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const [filter, set, params] = useDeliveryFilter();
  const delivery = useDelivery(schoolId, filter);
  const d = delivery.data;
  const listParams = new URLSearchParams(params);
  listParams.delete('by');
  if (d && !listParams.get('semester')) listParams.set('semester', String(d.semester.number));
  return (
    <>
      <PageHeader
        title={t('delivery.title')}
        description={t('delivery.intro')}
        aside={
          <Button component={Link} to={`/s/${schoolId}/delivery/shortfalls?${listParams}`} variant="light" color="red">
            {t('delivery.shortfallsLink')}
          </Button>
        }
      />
      <Stack gap="md">
        {d && <Filters d={d} filter={filter} set={set} />}
        {d && <SemesterNote semester={d.semester} />}
        <Tabs value={filter.by ?? 'page'} onChange={(v) => set({ by: v === 'page' ? null : v })}>
          <Tabs.List>
            {DELIVERY_BY.map((k) => (
              <Tabs.Tab key={k} value={k}>
                {t(`delivery.by.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <QueryStatus query={delivery}>{(data) => <Results schoolId={schoolId} d={data} />}</QueryStatus>
      </Stack>
    </>
  );
}
