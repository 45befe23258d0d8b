import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassSummary } from '../../../../shared/api/people.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';

/** Classes with their class teachers and pupil counts; each class opens its pupil list. */
export function ClassesTable({ schoolId, classes }: { schoolId: number; classes: TClassSummary[] }) {
  const { t } = useTranslation();
  if (!classes.length) return <EmptyNote>{t('people.classesEmpty')}</EmptyNote>;
  const columns: Column<TClassSummary>[] = [
    {
      key: 'class',
      header: t('people.class'),
      cell: (c) => (
        <Anchor component={Link} to={`/s/${schoolId}/classes/${c.id}`} fw={600}>
          {c.label}
        </Anchor>
      ),
    },
    {
      key: 'teacher',
      header: t('people.classTeacher'),
      cell: (c) => c.classTeacher?.name ?? <Text span c="dimmed" size="sm">{t('people.noClassTeacher')}</Text>,
    },
    { key: 'pupils', header: t('people.pupilsCount'), numeric: true, cell: (c) => c.pupils },
  ];
  return <DataTable rows={classes} columns={columns} rowKey={(c) => c.id} caption={t('people.classes')} minWidth={340} />;
}
