import { ActionIcon, Alert, Button, Group, List, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_KINDS, type TPlan, type TPlanItemKind, type TPlanProblem, type TPlanSave } from '../../../../shared/api/planning.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSavePlan } from '../api/save-plan.js';

interface DraftItem {
  key: number;
  topic: string;
  hours: number;
  kind: TPlanItemKind;
  plannedDate: string;
  lessonDates: string[];
}

interface DraftUnit {
  key: number;
  id: number | null;
  title: string;
  items: DraftItem[];
}

let nextKey = 1;
const key = () => nextKey++;

function draftOf(plan: TPlan): DraftUnit[] {
  return plan.units.map((u) => ({
    key: key(),
    id: u.id,
    title: u.title,
    items: u.items.map((i) => ({ key: key(), topic: i.topic, hours: i.hours, kind: i.kind, plannedDate: i.plannedDate ?? '', lessonDates: i.lessonDates })),
  }));
}

const emptyItem = (): DraftItem => ({ key: key(), topic: '', hours: 1, kind: 'lesson', plannedDate: '', lessonDates: [] });

function bodyOf(version: number, units: DraftUnit[]): TPlanSave {
  return {
    version,
    units: units.map((u) => ({
      id: u.id,
      title: u.title.trim(),
      items: u.items.map((i) => ({ topic: i.topic.trim(), hours: i.hours, kind: i.kind, plannedDate: i.plannedDate || null })),
    })),
  };
}

const IconX = () => (
  <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden="true">
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);

/** The plan's units and lessons as an editable table; the page's teacher saves it as a whole. */
export function PlanEditor({ schoolId, plan, onReload }: { schoolId: number; plan: TPlan; onReload: () => void }) {
  const { t } = useTranslation();
  const [units, setUnits] = useState<DraftUnit[]>(() => (plan.exists ? draftOf(plan) : [{ key: key(), id: null, title: '', items: [emptyItem()] }]));
  const [error, setError] = useState<{ message: string; problems: TPlanProblem[]; stale: boolean } | null>(null);
  const save = useSavePlan(schoolId, plan.pageId, plan.semester);
  const edit = plan.canEdit;

  const setUnit = (uk: number, change: (u: DraftUnit) => DraftUnit) => setUnits((all) => all.map((u) => (u.key === uk ? change(u) : u)));
  const setItem = (uk: number, ik: number, change: Partial<DraftItem>) =>
    setUnit(uk, (u) => ({ ...u, items: u.items.map((i) => (i.key === ik ? { ...i, ...change } : i)) }));
  const total = units.reduce((n, u) => n + u.items.reduce((m, i) => m + (i.hours || 0), 0), 0);

  const submit = () => {
    setError(null);
    save.mutate(bodyOf(plan.version, units), {
      onSuccess: (saved) => {
        setUnits(draftOf(saved));
        notifySuccess(t('planning.saved'));
      },
      onError: (e) => {
        const problems = (e instanceof ApiError ? ((e.details as { problems?: TPlanProblem[] } | undefined)?.problems ?? []) : []).map((p) => ({
          ...p,
          message: p.row > 0 ? t('planning.itemAt', { n: p.row, message: p.message }) : p.message,
        }));
        const fields = e instanceof ApiError ? e.fields.map((f) => ({ row: 0, field: f.path, message: fieldMessage(f.path, f.message) })) : [];
        setError({ message: e.message, problems: [...problems, ...fields], stale: e instanceof ApiError && e.status === 409 });
      },
    });
  };

  /** "units.1.items.2.topic" as the teacher sees it: the unit and the lesson's number in the plan. */
  const fieldMessage = (path: string, message: string) => {
    const m = /^units\.(\d+)(?:\.items\.(\d+))?/.exec(path);
    if (!m) return message;
    const unit = Number(m[1]);
    if (m[2] === undefined) return t('planning.unitAt', { n: unit + 1, message });
    const before = units.slice(0, unit).reduce((n, u) => n + u.items.length, 0);
    return t('planning.itemAt', { n: before + Number(m[2]) + 1, message });
  };

  let number = 0;
  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{error.message}</Text>
          {error.problems.length > 0 && (
            <List size="sm" mt={4}>
              {error.problems.map((p) => (
                <List.Item key={`${p.row}:${p.field}:${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          )}
          {error.stale && (
            <Button size="compact-sm" variant="white" color="red" mt="xs" onClick={onReload}>
              {t('planning.reload')}
            </Button>
          )}
        </Alert>
      )}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing={6} horizontalSpacing="sm" aria-label={t('planning.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>№</Table.Th>
                <Table.Th>{t('planning.topic')}</Table.Th>
                <Table.Th w={90}>{t('planning.hours')}</Table.Th>
                <Table.Th w={160}>{t('planning.kind')}</Table.Th>
                <Table.Th w={150}>{t('planning.date')}</Table.Th>
                <Table.Th w={150}>{t('planning.lessons')}</Table.Th>
                {edit && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u, ui) => [
                <Table.Tr key={`u${u.key}`} bg="var(--mantine-color-gray-0)">
                  <Table.Td colSpan={6}>
                    {edit ? (
                      <TextInput
                        size="sm"
                        fw={600}
                        aria-label={t('planning.unitTitle')}
                        placeholder={t('planning.unit', { n: ui + 1 })}
                        value={u.title}
                        onChange={(e) => {
                          const title = e.currentTarget.value;
                          setUnit(u.key, (x) => ({ ...x, title }));
                        }}
                      />
                    ) : (
                      <Text fw={600}>{u.title}</Text>
                    )}
                  </Table.Td>
                  {edit && (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('planning.removeUnit')} onClick={() => setUnits((all) => all.filter((x) => x.key !== u.key))}>
                        <IconX />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>,
                ...u.items.map((i) => {
                  number++;
                  return (
                    <Table.Tr key={`i${i.key}`}>
                      <Table.Td c="dimmed">{number}</Table.Td>
                      <Table.Td>
                        {edit ? (
                          <TextInput size="sm" aria-label={t('planning.topic')} value={i.topic} onChange={(e) => setItem(u.key, i.key, { topic: e.currentTarget.value })} />
                        ) : (
                          i.topic
                        )}
                      </Table.Td>
                      <Table.Td>
                        {edit ? (
                          <NumberInput
                            size="sm"
                            aria-label={t('planning.hours')}
                            min={1}
                            max={20}
                            allowDecimal={false}
                            value={i.hours}
                            onChange={(v) => setItem(u.key, i.key, { hours: typeof v === 'number' ? v : Number(v) || 0 })}
                          />
                        ) : (
                          i.hours
                        )}
                      </Table.Td>
                      <Table.Td>
                        {edit ? (
                          <NativeSelect
                            size="sm"
                            aria-label={t('planning.kind')}
                            value={i.kind}
                            data={PLAN_ITEM_KINDS.map((k) => ({ value: k, label: t(`planning.kinds.${k}`) }))}
                            onChange={(e) => setItem(u.key, i.key, { kind: e.currentTarget.value as TPlanItemKind })}
                          />
                        ) : (
                          t(`planning.kinds.${i.kind}`)
                        )}
                      </Table.Td>
                      <Table.Td>
                        {edit ? (
                          <TextInput
                            size="sm"
                            type="date"
                            aria-label={t('planning.date')}
                            value={i.plannedDate}
                            min={plan.semesterStartsOn}
                            max={plan.semesterEndsOn}
                            onChange={(e) => setItem(u.key, i.key, { plannedDate: e.currentTarget.value })}
                          />
                        ) : i.plannedDate ? (
                          formatDate(i.plannedDate)
                        ) : (
                          ''
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={plan.exists && i.lessonDates.length < i.hours ? 'orange' : undefined}>
                          {i.lessonDates.length ? i.lessonDates.map(formatDate).join(', ') : plan.exists ? t('planning.noLesson') : ''}
                        </Text>
                      </Table.Td>
                      {edit && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('planning.removeItem')}
                            onClick={() => setUnit(u.key, (x) => ({ ...x, items: x.items.filter((y) => y.key !== i.key) }))}
                          >
                            <IconX />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                }),
                edit ? (
                  <Table.Tr key={`a${u.key}`}>
                    <Table.Td />
                    <Table.Td colSpan={6}>
                      <Button size="compact-sm" variant="subtle" onClick={() => setUnit(u.key, (x) => ({ ...x, items: [...x.items, emptyItem()] }))}>
                        + {t('planning.addItem')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ) : null,
              ])}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('planning.total', { hours: total })}
        </Text>
        {edit && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setUnits((all) => [...all, { key: key(), id: null, title: '', items: [emptyItem()] }])}>
              + {t('planning.addUnit')}
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              {t('planning.save')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
