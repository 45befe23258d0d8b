import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useSchoolOverview } from '../api/get-school-overview.js';
import { SchoolOverview } from './SchoolOverview.js';

/** "Огляд школи": the head's and the administrator's figures. */
export function OverviewSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const overview = useSchoolOverview(schoolId);
  return (
    <Section title={t('school.overview')}>
      <QueryStatus query={overview}>{(data) => <SchoolOverview overview={data} />}</QueryStatus>
    </Section>
  );
}
