import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSlotPage } from '../../../../shared/api/timetable.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { placedHours, shortPersonName, type TEntryView } from '../lib/grid.js';

/** The class's pages with their weekly hours and how many of them the timetable holds. */
export function ClassHours({ pages, entries }: { pages: readonly TSlotPage[]; entries: readonly TEntryView[] }) {
  const { t } = useTranslation();
  if (!pages.length) return null;
  return (
    <DataTable
      caption={t('timetable.hoursCaption')}
      rows={pages}
      rowKey={(p) => p.id}
      minWidth={560}
      columns={[
        { key: 'subject', header: t('timetable.subject'), cell: (p) => (p.groupName ? `${p.subjectName} (${p.groupName})` : p.subjectName) },
        { key: 'teacher', header: t('timetable.teacher'), cell: (p) => shortPersonName(p.teacherName) || t('timetable.noTeacher') },
        { key: 'hours', header: t('timetable.hoursPlan'), numeric: true, cell: (p) => p.hoursPerWeek },
        {
          key: 'placed',
          header: t('timetable.hoursPlaced'),
          numeric: true,
          cell: (p) => {
            const placed = placedHours(entries, p.id);
            return placed === p.hoursPerWeek ? placed : <Badge color={placed < p.hoursPerWeek ? 'orange' : 'red'} variant="light">{placed}</Badge>;
          },
        },
      ]}
    />
  );
}
