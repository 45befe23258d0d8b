import { Outlet } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { CityCalendarLink } from '../../features/calendar/components/CityCalendarLink.js';
import { CityMonitoringLink } from '../../features/monitoring/components/CityMonitoringRoute.js';
import { CitySchoolsSection } from '../../features/monitoring/components/CitySchoolsSection.js';
import { CityTrustLink } from '../../features/trust/components/CityTrustRoute.js';
import { useSignedInMe } from '../../lib/auth.js';
import { useNumberParam } from '../../lib/params.js';
import { NotFoundRoute } from './not-found.js';

function useCity() {
  const cityId = useNumberParam('cityId');
  return useSignedInMe().cities.find((c) => c.cityId === cityId);
}

/** The screens of one city, for its education department's specialists. */
export function CityScope() {
  return useCity() ? <Outlet /> : <NotFoundRoute noAccess />;
}

/** The city specialist's home: the city's schools with their counts. */
export function CityHomeRoute() {
  const city = useCity();
  if (!city) return null;
  return (
    <>
      <PageHeader title={city.cityName} aside={
          <>
            <CityMonitoringLink cityId={city.cityId} />
            <CityCalendarLink cityId={city.cityId} />
            <CityTrustLink cityId={city.cityId} />
          </>
        } />
      <CitySchoolsSection cityId={city.cityId} />
    </>
  );
}
