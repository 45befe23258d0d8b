import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassPupils } from '../../../../shared/api/people.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { formatDate } from '../../../lib/format.js';

type TPupilRow = TClassPupils['pupils'][number];

/** The pupils of a class, numbered in the order given (alphabetical), each opening its card. */
export function PupilsTable({ schoolId, pupils }: { schoolId: number; pupils: TPupilRow[] }) {
  const { t } = useTranslation();
  if (!pupils.length) return <EmptyNote>{t('people.pupilsEmpty')}</EmptyNote>;
  const columns: Column<TPupilRow>[] = [
    { key: 'n', header: t('people.number'), numeric: true, cell: (_p, i) => i + 1 },
    {
      key: 'name',
      header: t('people.name'),
      cell: (p) => (
        <>
          <Anchor component={Link} to={`/s/${schoolId}/pupils/${p.id}`}>
            {p.lastName} {p.firstName} {p.middleName}
          </Anchor>
          {p.toDate && (
            <Text span size="sm" c="dimmed" ml="xs">
              ({t('people.left', { date: formatDate(p.toDate) })})
            </Text>
          )}
        </>
      ),
    },
    { key: 'birth', header: t('people.birthDate'), cell: (p) => (p.birthDate ? formatDate(p.birthDate) : t('common.none')) },
  ];
  return <DataTable rows={pupils} columns={columns} rowKey={(p) => p.id} caption={t('people.pupils')} minWidth={340} />;
}
