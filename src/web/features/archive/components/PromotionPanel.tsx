import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPromotionOutcome, TPromotionPreview, TPromotionResult } from '../../../../shared/api/archive.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useApplyPromotion } from '../api/apply-promotion.js';
import { usePromotion } from '../api/get-promotion.js';
import { StructurePreview } from './StructurePreview.js';

function target(outcome: TPromotionOutcome, label: string): string | null {
  const [grade, letter] = label.split('-');
  if (outcome === 'promote') return `${Number(grade) + 1}-${letter}`;
  if (outcome === 'repeat') return label;
  return null;
}

function Preview({ schoolId, yearId, data }: { schoolId: number; yearId: number; data: TPromotionPreview }) {
  const { t } = useTranslation();
  const [changes, setChanges] = useState<Record<number, TPromotionOutcome>>({});
  const [order, setOrder] = useState('');
  const [result, setResult] = useState<TPromotionResult | null>(null);
  const [copy, setCopy] = useState({ copyStructure: true, copyTimetable: false });
  const apply = useApplyPromotion(schoolId);
  const outcomeLabel = (o: TPromotionOutcome) => t(`yearend.outcome.${o}`);
  const exceptions = Object.entries(changes).map(([pupilId, outcome]) => ({ pupilId: Number(pupilId), outcome }));
  const submit = () =>
    apply.mutate(
      { yearId, body: { order: order.trim(), exceptions, ...copy } },
      {
        onSuccess: (r) => {
          setResult(r);
          notifySuccess(t('yearend.promoted', { year: r.toYearName }));
        },
      },
    );
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('yearend.toYear', { name: data.toYear.name, from: formatDate(data.toYear.startsOn), to: formatDate(data.toYear.endsOn) })}
        {data.toYear.id === null ? ` ${t('yearend.toYearNew')}` : ''}
      </Text>
      {data.applied && (
        <Alert color="teal" variant="light">
          {t('yearend.appliedNote')}
        </Alert>
      )}
      {result && (
        <Alert color="teal" variant="light">
          {t('yearend.resultLine', { ...result.counts, classes: result.classesCreated })}
          {result.structure && <Text size="sm">{t('yearStructure.resultLine', result.structure)}</Text>}
        </Alert>
      )}
      {data.classes.map((k) => (
        <Paper key={k.classId} withBorder radius="md" p="sm">
          <Text fw={600} mb="xs">
            {k.label}
          </Text>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table verticalSpacing={4} aria-label={k.label}>
              <Table.Tbody>
                {k.pupils.map((p) => {
                  const outcome = changes[p.id] ?? p.outcome;
                  const to = data.applied ? p.toClass : target(outcome, k.label);
                  return (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td w={220}>
                        {data.applied ? (
                          <Badge variant="light" color={outcome === 'promote' ? 'teal' : 'orange'}>
                            {outcomeLabel(outcome)}
                          </Badge>
                        ) : (
                          <Select
                            size="xs"
                            aria-label={`${p.name}: ${t('yearend.outcomeLabel')}`}
                            data={p.allowed.map((o) => ({ value: o, label: outcomeLabel(o) }))}
                            value={outcome}
                            allowDeselect={false}
                            onChange={(v) => setChanges((c) => ({ ...c, [p.id]: v as TPromotionOutcome }))}
                          />
                        )}
                      </Table.Td>
                      <Table.Td w={90}>{to ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {!data.applied && !result && data.structure && (
        <StructurePreview plan={data.structure} copyStructure={copy.copyStructure} copyTimetable={copy.copyTimetable} onChange={setCopy} />
      )}
      {!data.applied && !result && (
        <Stack gap="xs" maw={640}>
          <TextInput label={t('yearend.order')} description={t('yearend.orderHint')} value={order} onChange={(e) => setOrder(e.currentTarget.value)} maxLength={200} />
          {apply.error && (
            <Alert color="red" variant="light">
              {apply.error.message}
            </Alert>
          )}
          <Group>
            <Button onClick={submit} loading={apply.isPending}>
              {t('yearend.apply', { count: exceptions.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** Promotion to the next year: the preview with outcomes to change by hand, then apply once. */
export function PromotionPanel({ schoolId, yearId }: { schoolId: number; yearId: number }) {
  const promotion = usePromotion(schoolId, yearId);
  return <QueryStatus query={promotion}>{(data) => <Preview key={yearId} schoolId={schoolId} yearId={yearId} data={data} />}</QueryStatus>;
}
