import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { QueryStatus } from '../../components/ui/QueryStatus.js';
import { useClasses } from '../../features/people/api/get-classes.js';
import { ClassesTable } from '../../features/people/components/ClassesTable.js';
import { useNumberParam } from '../../lib/params.js';

/** The school's classes: class teachers and pupil counts. */
export function ClassesRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const classes = useClasses(schoolId);
  return (
    <>
      <PageHeader title={t('people.classes')} />
      <QueryStatus query={classes}>{(data) => <ClassesTable schoolId={schoolId} classes={data} />}</QueryStatus>
    </>
  );
}
