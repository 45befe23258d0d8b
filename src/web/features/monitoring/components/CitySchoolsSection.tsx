import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useCitySchools } from '../api/get-city-schools.js';
import { CitySchoolsTable } from './CitySchoolsTable.js';

/** "Школи міста": every school of the city with its counts, no personal data. */
export function CitySchoolsSection({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  const schools = useCitySchools(cityId);
  return (
    <Section title={t('monitoring.schools')}>
      <Text size="sm" c="dimmed">
        {t('monitoring.aggregatesOnly')}
      </Text>
      <QueryStatus query={schools}>{(data) => <CitySchoolsTable schools={data.schools} />}</QueryStatus>
    </Section>
  );
}
