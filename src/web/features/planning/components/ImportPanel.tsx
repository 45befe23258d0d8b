import { Alert, Badge, Button, FileInput, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlan, TPlanImportPreview, TPlanProblem } from '../../../../shared/api/planning.js';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useImportPlan } from '../api/import-plan.js';

/** Import of a plan file: check (every row and its problems), then confirm a clean preview. */
export function ImportPanel({ schoolId, plan }: { schoolId: number; plan: TPlan }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TPlanImportPreview | null>(null);
  const [error, setError] = useState<{ message: string; problems: TPlanProblem[] } | null>(null);
  const run = useImportPlan(schoolId, plan.pageId, plan.semester);
  const fail = (e: Error) => {
    const problems = e instanceof ApiError ? ((e.details as { problems?: TPlanProblem[] } | undefined)?.problems ?? []) : [];
    setError({ message: e.message, problems });
  };
  const check = () => {
    if (!file) return;
    setError(null);
    setPreview(null);
    run.mutate({ file, confirm: false, version: plan.version }, { onSuccess: setPreview, onError: fail });
  };
  const confirm = () => {
    if (!file) return;
    setError(null);
    run.mutate(
      { file, confirm: true, version: plan.version },
      {
        onSuccess: () => {
          setPreview(null);
          setFile(null);
          notifySuccess(t('planning.imported'));
        },
        onError: fail,
      },
    );
  };
  const clean = preview !== null && preview.problems.length === 0;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('planning.importHint')}
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput
          label={t('planning.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
            setError(null);
          }}
          clearable
          w={320}
          data-testid="plan-file"
        />
        <Button variant="default" onClick={check} disabled={!file} loading={run.isPending && !clean}>
          {t('planning.check')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{error.message}</Text>
          {error.problems.length > 0 && (
            <List size="sm" mt={4}>
              {error.problems.map((p) => (
                <List.Item key={`${p.row}:${p.field}`}>
                  {t('planning.row')} {p.row}: {p.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {preview && (
        <Stack gap="sm">
          <Text size="sm">
            {t('planning.previewLine', {
              units: preview.units,
              items: preview.items,
              hours: preview.totalHours,
              max: preview.allowance.maxHours,
              lessons: preview.lessons,
            })}
          </Text>
          <Alert color={clean ? 'teal' : 'red'} variant="light" role={clean ? 'status' : 'alert'}>
            <Text size="sm">{clean ? t('planning.clean') : t('planning.problems', { count: preview.problems.length })}</Text>
          </Alert>
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={680} type="native" mah={420}>
              <Table verticalSpacing={4} horizontalSpacing="sm" stickyHeader aria-label={preview.fileName}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('planning.row')}</Table.Th>
                    <Table.Th>{t('planning.topic')}</Table.Th>
                    <Table.Th w={70}>{t('planning.hours')}</Table.Th>
                    <Table.Th w={100}>{t('planning.date')}</Table.Th>
                    <Table.Th>{t('planning.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row} bg={r.problems.length ? 'var(--mantine-color-red-0)' : r.kind === 'unit' ? 'var(--mantine-color-gray-0)' : undefined}>
                      <Table.Td c="dimmed">{r.row}</Table.Td>
                      <Table.Td>
                        {r.kind === 'unit' ? (
                          <Text size="sm" fw={600}>
                            {r.unit} <Badge size="xs" variant="light" color="gray">{t('planning.headingRow')}</Badge>
                          </Text>
                        ) : (
                          <Text size="sm">
                            {r.topic}
                            {r.itemKind && r.itemKind !== 'lesson' && (
                              <Badge size="xs" variant="light" ml={6}>
                                {t(`planning.kinds.${r.itemKind}`)}
                              </Badge>
                            )}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.kind === 'item' ? r.hours : ''}</Table.Td>
                      <Table.Td>{r.date}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="red.8">
                          {r.problems.join(' ')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {clean && plan.canEdit && (
            <Group>
              <Button onClick={confirm} loading={run.isPending}>
                {t('planning.confirm')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
