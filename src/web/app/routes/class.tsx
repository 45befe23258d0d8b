import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { QueryStatus } from '../../components/ui/QueryStatus.js';
import { ClassbookTabs } from '../../features/journal/components/classbook/ClassbookTabs.js';
import { useClassPupils } from '../../features/people/api/get-class-pupils.js';
import { PupilsTable } from '../../features/people/components/PupilsTable.js';
import { useNumberParam } from '../../lib/params.js';

/** One class: its class teacher and its pupils in alphabetical order. */
export function ClassRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const query = useClassPupils(schoolId, useNumberParam('classId'));
  return (
    <QueryStatus query={query}>
      {({ class: cls, pupils }) => (
        <>
          <PageHeader
            title={t('people.classTitle', { label: cls.label })}
            description={`${t('people.classTeacher')}: ${cls.classTeacher?.name ?? t('people.noClassTeacher')}`}
          />
          <ClassbookTabs schoolId={schoolId} classId={cls.id} pupils={<PupilsTable schoolId={schoolId} pupils={pupils} />} />
        </>
      )}
    </QueryStatus>
  );
}
