import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCitySchools } from '../../../../shared/api/schools.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { compareUk, formatNumber } from '../../../lib/format.js';

type TCitySchool = TCitySchools['schools'][number];
const COUNTS = ['classes', 'pupils', 'staff'] as const;

/** The city's schools with their counts and a total row; aggregates only. */
export function CitySchoolsTable({ schools }: { schools: TCitySchool[] }) {
  const { t } = useTranslation();
  if (!schools.length) return <EmptyNote>{t('monitoring.schoolsEmpty')}</EmptyNote>;
  const sorted = [...schools].sort((a, b) => compareUk(a.name, b.name));
  const label = { classes: t('school.stats.classes'), pupils: t('school.stats.pupils'), staff: t('school.stats.staff') };
  const columns: Column<TCitySchool>[] = [
    { key: 'name', header: t('monitoring.school'), cell: (s) => <Text fw={500}>{s.name}</Text> },
    ...COUNTS.map((key) => ({ key, header: label[key], numeric: true, cell: (s: TCitySchool) => formatNumber(s[key]) })),
  ];
  const total = (key: (typeof COUNTS)[number]) => formatNumber(schools.reduce((sum, s) => sum + s[key], 0));
  const footer = (
    <Table.Tr>
      <Table.Th>{t('monitoring.total')}</Table.Th>
      {COUNTS.map((key) => (
        <Table.Th key={key} ta="right">
          {total(key)}
        </Table.Th>
      ))}
    </Table.Tr>
  );
  return <DataTable rows={sorted} columns={columns} rowKey={(s) => s.id} footer={footer} caption={t('monitoring.schools')} />;
}
