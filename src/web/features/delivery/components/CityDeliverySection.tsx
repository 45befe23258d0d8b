import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCityDeliverySchool } from '../../../../shared/api/delivery.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { formatShare } from '../../control/format.js';
import { formatNumber } from '../format.js';
import { useCityDelivery } from '../api/get-city-delivery.js';

/** The city monitoring's section: each school's share of pages delivered in full and of hours held (aggregates only). */
export function CityDeliverySection({ cityId }: { cityId: number }) {
  const { t } = useTranslation();
  const [semester, setSemester] = useState<string>('now');
  const data = useCityDelivery(cityId, semester === 'now' ? undefined : Number(semester));
  const share = (x: number | null) => (x === null ? <Text size="sm" c="dimmed">{t('delivery.city.noData')}</Text> : formatShare(x));
  const columns: Column<TCityDeliverySchool>[] = [
    { key: 'school', header: t('delivery.city.school'), cell: (r) => <Text size="sm" fw={500}>{r.schoolName}</Text> },
    {
      key: 'status',
      header: t('delivery.city.status'),
      cell: (r) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {r.semester ? `${r.semester} · ${r.ended ? t('delivery.city.ended') : t('delivery.city.running')}` : t('common.none')}
        </Text>
      ),
    },
    { key: 'pages', header: t('delivery.city.pages'), numeric: true, cell: (r) => r.pages },
    { key: 'delivered', header: t('delivery.city.delivered'), numeric: true, cell: (r) => share(r.deliveredShare) },
    { key: 'held', header: t('delivery.city.held'), numeric: true, cell: (r) => `${formatNumber(r.heldHours)} / ${formatNumber(r.dueHours)}` },
    { key: 'heldShare', header: t('delivery.city.heldShare'), numeric: true, cell: (r) => share(r.heldShare) },
    { key: 'plan', header: t('delivery.city.withPlan'), numeric: true, cell: (r) => `${r.pagesWithPlan} / ${r.pages}` },
  ];
  return (
    <Section
      title={t('delivery.city.title')}
      aside={
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={semester}
            onChange={setSemester}
            data={[
              { value: 'now', label: t('delivery.city.current') },
              { value: '1', label: t('delivery.semesterShort', { n: 1 }) },
              { value: '2', label: t('delivery.semesterShort', { n: 2 }) },
            ]}
            aria-label={t('delivery.semester')}
          />
        </Group>
      }
    >
      <Text size="sm" c="dimmed">
        {t('delivery.city.intro')}
      </Text>
      <QueryStatus query={data}>
        {(d) => <DataTable rows={d.schools} columns={columns} rowKey={(r) => r.schoolId} caption={t('delivery.city.title')} minWidth={760} />}
      </QueryStatus>
    </Section>
  );
}
