import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useNumberParam } from '../../../lib/params.js';
import { monitoringFileUrl, useCityMonitoring } from '../api/get-city-monitoring.js';
import { MonitoringTable, WeeklyTable } from './MonitoringTable.js';
import { CityDeliverySection } from '../../delivery/components/CityDeliverySection.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Calendar quarters (Q1 = January-March ... Q4 = October-December) of this and the last year. */
function quarters(now: Date): string[] {
  const y = now.getFullYear();
  const cur = Math.floor(now.getMonth() / 3) + 1;
  const out: string[] = [];
  for (let year = y; year >= y - 1; year--) for (let q = year === y ? cur : 4; q >= 1; q--) out.push(`${year}-Q${q}`);
  return out;
}

/** The city specialist's quarterly monitoring: shares per school, trend, exports. */
export function CityMonitoringRoute() {
  const { t } = useTranslation();
  const cityId = useNumberParam('cityId');
  const [params, setParams] = useSearchParams();
  const options = quarters(new Date());
  const quarter = params.get('quarter') ?? options[0];
  const data = useCityMonitoring(cityId, quarter);
  return (
    <>
      <PageHeader
        title={t('cityMonitoring.title')}
        aside={
          <Group gap="xs">
            {(['pdf', 'xlsx'] as const).map((f) => (
              <Button key={f} component="a" href={monitoringFileUrl(cityId, quarter, f)} download variant="light">
                {t('cityMonitoring.download', { format: f.toUpperCase() })}
              </Button>
            ))}
          </Group>
        }
      />
      <Group align="end" mb="md">
        <Select
          label={t('cityMonitoring.quarter')}
          data={options.map((q) => ({ value: q, label: t('cityMonitoring.quarterLabel', { year: q.slice(0, 4), n: q.slice(6), roman: ROMAN[Number(q.slice(6)) - 1] }) }))}
          value={quarter}
          onChange={(v) => v && setParams({ quarter: v })}
          allowDeselect={false}
        />
        <Text size="sm" c="dimmed" maw={520}>
          {t('cityMonitoring.intro')}
        </Text>
      </Group>
      <Stack gap="xl">
        <QueryStatus query={data}>
          {(m) => (
            <>
              <Section title={t('cityMonitoring.ranking')}>
                <MonitoringTable data={m} />
              </Section>
              <Section title={t('cityMonitoring.trend')}>
                <WeeklyTable data={m} />
              </Section>
            </>
          )}
        </QueryStatus>
        <CityDeliverySection cityId={cityId} />
      </Stack>
    </>
  );
}

/** The link from the city home. */
export function CityMonitoringLink({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/city/${cityId}/monitoring`} variant="light">
      {t('cityMonitoring.title')}
    </Button>
  );
}
