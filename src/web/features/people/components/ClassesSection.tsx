import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useClasses } from '../api/get-classes.js';
import { ClassesTable } from './ClassesTable.js';

/** "Класи": the school's classes with class teachers and pupil counts. */
export function ClassesSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const classes = useClasses(schoolId);
  return (
    <Section title={t('people.classes')}>
      <QueryStatus query={classes}>{(data) => <ClassesTable schoolId={schoolId} classes={data} />}</QueryStatus>
    </Section>
  );
}
