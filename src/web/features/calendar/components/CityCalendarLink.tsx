import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The city specialist's way to the city's days off. */
export function CityCalendarLink({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/city/${cityId}/calendar`} variant="light">
      {t('calendar.city.link')}
    </Button>
  );
}
