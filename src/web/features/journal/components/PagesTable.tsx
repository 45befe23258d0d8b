import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPageSummary } from '../../../../shared/api/pages.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';

interface PagesTableProps {
  schoolId: number;
  pages: TPageSummary[];
  /** the teacher column, for lists of other people's pages */
  withTeacher?: boolean;
  caption: string;
}

/** Journal pages as rows: class, subject (opens the page), group, teacher, hours a week. */
export function PagesTable({ schoolId, pages, withTeacher = false, caption }: PagesTableProps) {
  const { t } = useTranslation();
  const columns: Column<TPageSummary>[] = [
    { key: 'class', header: t('journal.class'), cell: (p) => <Text fw={600}>{p.classLabel}</Text> },
    {
      key: 'subject',
      header: t('journal.subject'),
      cell: (p) => (
        <Anchor component={Link} to={`/s/${schoolId}/journal/${p.id}`} state={{ title: pageTitle(p) }}>
          {p.subjectName}
        </Anchor>
      ),
    },
    { key: 'group', header: t('journal.group'), cell: (p) => p.groupName ?? <Text span c="dimmed">{t('common.none')}</Text> },
  ];
  if (withTeacher) {
    columns.push({
      key: 'teacher',
      header: t('journal.teacher'),
      cell: (p) => p.teacherName ?? <Text span c="dimmed" size="sm">{t('journal.noTeacher')}</Text>,
    });
  }
  columns.push({ key: 'hours', header: t('journal.hours'), numeric: true, cell: (p) => p.hoursPerWeek });
  return <DataTable rows={pages} columns={columns} rowKey={(p) => p.id} caption={caption} minWidth={withTeacher ? 640 : 480} />;
}

/** "5-А · Математика (I група)": how a page is named on its own screen. */
export function pageTitle(p: Pick<TPageSummary, 'classLabel' | 'subjectName' | 'groupName'>): string {
  return `${p.classLabel} · ${p.subjectName}${p.groupName ? ` (${p.groupName})` : ''}`;
}
