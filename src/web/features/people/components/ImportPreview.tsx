import { Alert, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportPreview, TImportProblem, TImportRow } from '../../../../shared/api/admin.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { Section } from '../../../components/ui/Section.js';
import { StatCard } from '../../../components/ui/StatCard.js';

const STATUS_COLOR = { new: 'teal', existing: 'gray', error: 'red' } as const;
const PUPIL_VALUES = ['lastName', 'firstName', 'middleName', 'birthDate', 'classLabel', 'guardians'];
const STAFF_VALUES = ['lastName', 'firstName', 'middleName', 'position', 'email', 'roles', 'login'];
const HEADER_KEYS: Record<string, string> = {
  lastName: 'admin.lastName',
  firstName: 'admin.firstName',
  middleName: 'admin.middleName',
  birthDate: 'admin.class.birthDate',
  classLabel: 'people.class',
  guardians: 'admin.class.guardians',
  position: 'admin.staff.position',
  email: 'admin.email',
  roles: 'admin.staff.roles',
  login: 'admin.staff.login',
};

/** Every problem by row, before anything is written. */
export function ProblemsTable({ problems }: { problems: TImportProblem[] }) {
  const { t } = useTranslation();
  const columns: Column<TImportProblem>[] = [
    { key: 'row', header: t('admin.import.row'), numeric: true, cell: (p) => p.row },
    { key: 'problem', header: t('admin.import.problem'), cell: (p) => <Text size="sm" c="red.8">{p.message}</Text> },
  ];
  return <DataTable rows={problems} columns={columns} rowKey={(p) => `${p.row}-${p.field}-${p.code}`} caption={t('admin.import.problems')} />;
}

/** The file as it was read: numbers, counts, columns, problems and the rows themselves. */
export function ImportPreview({ preview }: { preview: TImportPreview }) {
  const { t, i18n } = useTranslation();
  const keys = preview.kind === 'pupils' ? PUPIL_VALUES : STAFF_VALUES;
  const header = (k: string) => t(HEADER_KEYS[k] as 'admin.lastName');
  const problemsByRow = new Map<number, string[]>();
  for (const p of preview.problems) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p.field]);
  const columns: Column<TImportRow>[] = [
    { key: 'row', header: t('admin.import.row'), numeric: true, cell: (r) => r.row },
    {
      key: 'status',
      header: '',
      cell: (r) => (
        <Badge color={STATUS_COLOR[r.status]} variant="light" size="sm" miw="max-content">
          {t(`admin.import.status.${r.status}`)}
        </Badge>
      ),
    },
    ...keys.map((k) => ({
      key: k,
      header: header(k),
      cell: (r: TImportRow) => {
        const bad = problemsByRow.get(r.row)?.some((f) => f === k || (k === 'lastName' && f === 'fullName') || (k === 'guardians' && /^(mother|father|guardian)/.test(f)));
        return (
          <Text size="sm" c={bad ? 'red.8' : undefined} fw={bad ? 600 : undefined}>
            {r.values[k] || (bad ? '⚠' : '')}
          </Text>
        );
      },
    })),
  ];
  const when = preview.alreadyImportedAt ? new Date(preview.alreadyImportedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'uk-UA') : '';
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <StatCard label={t('admin.import.total')} value={preview.totalRows} />
        <StatCard label={t('admin.import.new')} value={preview.newRows} />
        <StatCard label={t('admin.import.existing')} value={preview.existingRows} />
        <StatCard label={t('admin.import.errors')} value={preview.errorRows} />
      </SimpleGrid>
      {preview.alreadyImportedAt && (
        <Alert color="blue" variant="light">
          {t('admin.import.already', { date: when })}
        </Alert>
      )}
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t('admin.import.columns')}:
        </Text>
        {preview.columns.map((c, position) => ({ ...c, id: `column-${position}` })).map((c) => (
          <Badge key={c.id} variant={c.field ? 'light' : 'outline'} color={c.field ? 'blue' : 'gray'} tt="none">
            {c.header || '—'}
            {c.field ? '' : ` (${t('admin.import.notTaken')})`}
          </Badge>
        ))}
      </Group>
      {preview.problems.length > 0 && (
        <Section title={t('admin.import.problems')}>
          <Alert color="red" variant="light" role="alert">
            {t('admin.import.fixAndRetry')}
          </Alert>
          <ProblemsTable problems={preview.problems} />
        </Section>
      )}
      <Section title={t('admin.import.rows')}>
        <Text size="sm" c="dimmed">
          {t('admin.import.rowsNote')}
        </Text>
        <DataTable rows={preview.rows} columns={columns} rowKey={(r) => r.row} caption={t('admin.import.rows')} minWidth={900} />
      </Section>
    </Stack>
  );
}
