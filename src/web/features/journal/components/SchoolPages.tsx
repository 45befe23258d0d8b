import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TPageSummary } from '../../../../shared/api/pages.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PagesTable } from './PagesTable.js';

/** Every journal page of the school with a class filter kept in the address (?class=ID). */
export function SchoolPages({ schoolId, pages }: { schoolId: number; pages: TPageSummary[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const classId = params.get('class');
  // pages come sorted by class, so the classes do too
  const classes = [...new Map(pages.map((p) => [String(p.classId), p.classLabel])).entries()];
  const shown = classId ? pages.filter((p) => String(p.classId) === classId) : pages;

  const choose = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('class', value);
        else next.delete('class');
        return next;
      },
      { replace: true },
    );

  if (!pages.length) return <EmptyNote>{t('journal.schoolEmpty')}</EmptyNote>;
  return (
    <Stack gap="sm">
      <Select
        label={t('journal.classFilter')}
        placeholder={t('journal.allClasses')}
        data={classes.map(([value, label]) => ({ value, label }))}
        value={classId}
        onChange={choose}
        clearable
        searchable
        w={{ base: '100%', xs: 220 }}
        comboboxProps={{ shadow: 'md' }}
      />
      <PagesTable schoolId={schoolId} pages={shown} withTeacher caption={t('journal.school')} />
    </Stack>
  );
}
