import { Badge, Button, Group, NumberInput, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_STATUSES, NETWORK_STATES, SURVEY_QUESTIONS, type TReadiness } from '../../../../shared/api/readiness.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { ApiError } from '../../../lib/api-error.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { formatDate, formatNumber } from '../../../lib/format.js';
import { membershipIn } from '../../../lib/contexts.js';
import { useNumberParam } from '../../../lib/params.js';
import { useReadiness } from '../api/get-readiness.js';
import { usePutInventory } from '../api/put-inventory.js';
import { useSaveMeasure } from '../api/save-measure.js';

function PlanTab({ schoolId, data, canEdit }: { schoolId: number; data: TReadiness; canEdit: boolean }) {
  const { t } = useTranslation();
  const save = useSaveMeasure(schoolId);
  const [draft, setDraft] = useState({ item: '', responsible: '', deadline: '' });
  const statusData = MEASURE_STATUSES.map((s) => ({ value: s, label: t(`readiness.status.${s}`) }));
  return (
    <Stack>
      {data.measures.length === 0 ? (
        <EmptyNote>{canEdit ? t('readiness.noMeasuresAdd') : t('readiness.noMeasures')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table striped aria-label={t('readiness.plan')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('readiness.item')}</Table.Th>
                <Table.Th>{t('readiness.responsible')}</Table.Th>
                <Table.Th>{t('readiness.deadline')}</Table.Th>
                <Table.Th>{t('readiness.statusTitle')}</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.measures.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.item}</Table.Td>
                  <Table.Td>{m.responsible}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.deadline)}</Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <Select
                        aria-label={t('readiness.statusTitle')}
                        size="xs"
                        data={statusData}
                        value={m.status}
                        allowDeselect={false}
                        onChange={(v) => v && save.mutate({ kind: 'patch', id: m.id, body: { status: v as (typeof MEASURE_STATUSES)[number] } })}
                      />
                    ) : (
                      <Badge variant="light">{t(`readiness.status.${m.status}`)}</Badge>
                    )}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => save.mutate({ kind: 'delete', id: m.id })}>
                        {t('readiness.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && (
        <Group align="end">
          <TextInput label={t('readiness.item')} value={draft.item} onChange={(e) => setDraft({ ...draft, item: e.currentTarget.value })} w={320} />
          <TextInput label={t('readiness.responsible')} value={draft.responsible} onChange={(e) => setDraft({ ...draft, responsible: e.currentTarget.value })} />
          <TextInput label={t('readiness.deadline')} type="date" value={draft.deadline} onChange={(e) => setDraft({ ...draft, deadline: e.currentTarget.value })} />
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ kind: 'add', body: { ...draft, status: 'planned' } }, { onSuccess: () => setDraft({ item: '', responsible: '', deadline: '' }) })}
          >
            {t('readiness.add')}
          </Button>
        </Group>
      )}
      {save.error && <Text c="red">{save.error.message}</Text>}
    </Stack>
  );
}

function EquipmentTab({ schoolId, data, canEdit }: { schoolId: number; data: TReadiness; canEdit: boolean }) {
  const { t } = useTranslation();
  const put = usePutInventory(schoolId);
  const inv = data.inventory;
  const [form, setForm] = useState({
    teacherComputers: inv?.teacherComputers ?? 0,
    classroomsWithComputer: inv?.classroomsWithComputer ?? 0,
    classroomsTotal: inv?.classroomsTotal ?? 0,
    network: inv?.network ?? 'no',
    internetMbps: inv?.internetMbps ?? 0,
  });
  const num = (key: 'teacherComputers' | 'classroomsWithComputer' | 'classroomsTotal' | 'internetMbps') => (
    <NumberInput label={t(`readiness.inv.${key}`)} min={0} value={form[key]} disabled={!canEdit} onChange={(v) => setForm({ ...form, [key]: Number(v) || 0 })} />
  );
  return (
    <Stack maw={420}>
      {num('teacherComputers')}
      {num('classroomsWithComputer')}
      {num('classroomsTotal')}
      <Select
        label={t('readiness.inv.network')}
        data={NETWORK_STATES.map((n) => ({ value: n, label: t(`readiness.network.${n}`) }))}
        value={form.network}
        disabled={!canEdit}
        allowDeselect={false}
        onChange={(v) => v && setForm({ ...form, network: v as (typeof NETWORK_STATES)[number] })}
      />
      {num('internetMbps')}
      {canEdit && (
        <Button loading={put.isPending} onClick={() => put.mutate(form)}>
          {t('readiness.save')}
        </Button>
      )}
      {put.isSuccess && <Text c="teal">{t('readiness.saved')}</Text>}
      {put.error && <Text c="red">{put.error.message}</Text>}
    </Stack>
  );
}

const formatAverage = (x: number | null | undefined) => (x == null ? '—' : formatNumber(x));

function SurveyTab({ data }: { data: TReadiness }) {
  const { t, i18n } = useTranslation();
  const s = data.survey;
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <Stack>
      <Text>{t('readiness.surveySummary', { answered: s.answered, teachers: s.teachers, need: s.needTraining })}</Text>
      <Table striped>
        <Table.Tbody>
          {SURVEY_QUESTIONS.map((q, i) => (
            <Table.Tr key={q.key}>
              <Table.Td>{q[lang]}</Table.Td>
              <Table.Td ta="right">{formatAverage(s.averages[i])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.answers.length > 0 && (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table striped aria-label={t('readiness.answersLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('readiness.teacher')}</Table.Th>
                {SURVEY_QUESTIONS.map((q, i) => (
                  <Table.Th key={q.key} title={q[lang]}>
                    {i + 1}
                  </Table.Th>
                ))}
                <Table.Th>{t('readiness.needsTraining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.answers.map((a) => (
                <Table.Tr key={a.userId}>
                  <Table.Td>{a.name}</Table.Td>
                  {a.answers.map((x, i) => (
                    <Table.Td key={SURVEY_QUESTIONS[i]?.key ?? i}>{x}</Table.Td>
                  ))}
                  <Table.Td>{a.needsTraining ? <Badge color="orange">{t('readiness.yes')}</Badge> : t('readiness.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {s.notAnswered.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('readiness.notAnswered')}: {s.notAnswered.map((x) => x.name).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

/** The school's readiness (order items 2-4): plan of measures, equipment, the teachers' survey. */
export function ReadinessRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const roles = membershipIn(useSignedInMe(), schoolId)?.roles ?? [];
  const canEdit = roles.includes('head') || roles.includes('admin');
  const data = useReadiness(schoolId);
  return (
    <>
      <PageHeader title={t('readiness.title')} />
      {data.error instanceof ApiError && data.error.status === 404 ? (
        <EmptyNote>{t('readiness.noOpenYear')}</EmptyNote>
      ) : (
        <QueryStatus query={data}>
          {(d) => (
            <Tabs defaultValue="plan">
              <Tabs.List mb="md">
                <Tabs.Tab value="plan">{t('readiness.plan')}</Tabs.Tab>
                <Tabs.Tab value="equipment">{t('readiness.equipment')}</Tabs.Tab>
                <Tabs.Tab value="survey">{t('readiness.survey')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="plan">
                <PlanTab schoolId={schoolId} data={d} canEdit={canEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="equipment">
                <EquipmentTab schoolId={schoolId} data={d} canEdit={canEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="survey">
                <SurveyTab data={d} />
              </Tabs.Panel>
            </Tabs>
          )}
        </QueryStatus>
      )}
    </>
  );
}
