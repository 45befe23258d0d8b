import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TShortfalls } from '../../../../shared/api/delivery.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { formatDate } from '../../../lib/format.js';
import { currentLocale } from '../../../lib/i18n/index.js';
import { useNumberParam } from '../../../lib/params.js';
import { shortfallsCsvUrl, useShortfalls } from '../api/get-shortfalls.js';
import { pageName } from '../format.js';
import { DeliveryTable } from './DeliveryTable.js';
import { useDeliveryFilter } from './DeliveryRoute.js';
import './print.css';

function List({ schoolId, s }: { schoolId: number; s: TShortfalls }) {
  const { t } = useTranslation();
  const sem = s.semester;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600}>
          {s.schoolName} · {t('delivery.semesterLabel', { n: sem.number, year: sem.yearName })} ({formatDate(sem.startsOn)} – {formatDate(sem.endsOn)})
        </Text>
        <Text size="sm" c={sem.ended ? undefined : 'orange.8'}>
          {sem.ended ? t('delivery.shortfallsFinal', { n: sem.number }) : t('delivery.shortfallsProvisional', { dueTo: formatDate(sem.dueTo), date: formatDate(sem.endsOn) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('delivery.shortfallsCount', { count: s.pages.length, total: s.pagesTotal })}
        </Text>
      </Stack>
      {s.pages.length === 0 ? (
        <EmptyNote>{t('delivery.shortfallsNone')}</EmptyNote>
      ) : (
        <DeliveryTable
          schoolId={schoolId}
          rows={s.pages.map((p) => ({ key: { id: p.pageId, name: pageName(p) }, page: p, figures: p.figures }))}
          by="page"
          caption={t('delivery.shortfallsTitle')}
          dueTo={sem.ended ? null : sem.dueTo}
        />
      )}
    </Stack>
  );
}

/** /s/:schoolId/delivery/shortfalls: the pages where the programme was not delivered; printable and as CSV. */
export function ShortfallsRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const [filter, , params] = useDeliveryFilter();
  const { by: _by, ...f } = filter;
  const list = useShortfalls(schoolId, f);
  const back = new URLSearchParams(params);
  return (
    <div className="print-view delivery-print">
      <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {t('delivery.shortfallsTitle')}
        </Title>
        <Group gap="xs" className="no-print">
          <Button variant="default" onClick={() => window.print()}>
            {t('delivery.print')}
          </Button>
          <Button component="a" href={shortfallsCsvUrl(schoolId, f, currentLocale())} download variant="default">
            {t('delivery.csv')}
          </Button>
          <Button component={Link} to={`/s/${schoolId}/delivery?${back}`} variant="light">
            {t('delivery.back')}
          </Button>
        </Group>
      </Group>
      <QueryStatus query={list}>{(s) => <List schoolId={schoolId} s={s} />}</QueryStatus>
    </div>
  );
}
