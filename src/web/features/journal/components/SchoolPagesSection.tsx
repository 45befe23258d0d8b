import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { usePages } from '../api/get-pages.js';
import { SchoolPages } from './SchoolPages.js';

/** "Журнали школи": every page of the school, filterable by class. */
export function SchoolPagesSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const pages = usePages(schoolId);
  return (
    <Section title={t('journal.school')}>
      <QueryStatus query={pages}>{(data) => <SchoolPages schoolId={schoolId} pages={data} />}</QueryStatus>
    </Section>
  );
}
