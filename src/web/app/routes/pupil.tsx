import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { QueryStatus } from '../../components/ui/QueryStatus.js';
import { usePupilCard } from '../../features/people/api/get-pupil-card.js';
import { PupilCardView } from '../../features/people/components/PupilCardView.js';
import { useNumberParam } from '../../lib/params.js';

/** A pupil's card for staff, the pupil's guardians and the pupil. */
export function PupilRoute() {
  const { t } = useTranslation();
  const query = usePupilCard(useNumberParam('schoolId'), useNumberParam('pupilId'));
  return (
    <QueryStatus query={query}>
      {(pupil) => (
        <>
          <PageHeader title={`${pupil.lastName} ${pupil.firstName} ${pupil.middleName}`.trim()} description={t('people.pupilCard')} />
          <PupilCardView pupil={pupil} />
        </>
      )}
    </QueryStatus>
  );
}
