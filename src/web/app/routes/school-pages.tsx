import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { QueryStatus } from '../../components/ui/QueryStatus.js';
import { usePages } from '../../features/journal/api/get-pages.js';
import { SchoolPages } from '../../features/journal/components/SchoolPages.js';
import { useNumberParam } from '../../lib/params.js';

/** All journal pages of the school (head, controller, administrator), filterable by class. */
export function SchoolPagesRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const pages = usePages(schoolId);
  return (
    <>
      <PageHeader title={t('journal.school')} />
      <QueryStatus query={pages}>{(data) => <SchoolPages schoolId={schoolId} pages={data} />}</QueryStatus>
    </>
  );
}
