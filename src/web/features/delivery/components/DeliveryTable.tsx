import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDeliveryBy, TDeliveryFigures, TDeliveryPageRow } from '../../../../shared/api/delivery.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { formatDate } from '../../../lib/format.js';
import { formatNumber, shortColor, worksText } from '../format.js';

export interface DeliveryTableRow {
  key: { id: number; name: string };
  page: TDeliveryPageRow | null;
  figures: TDeliveryFigures;
}

interface Props {
  schoolId: number;
  rows: DeliveryTableRow[];
  by: TDeliveryBy;
  caption: string;
  /** while a semester runs: the day 'due' counts to, for the held-of-due column */
  dueTo: string | null;
}

const Hint = ({ label, title }: { label: string; title: string }) => <span title={title}>{label}</span>;

/** Hours by the curriculum, the plan, the journal and held, with the shortfall and the works, per row. */
export function DeliveryTable({ schoolId, rows, by, caption, dueTo }: Props) {
  const { t } = useTranslation();
  const f = (r: DeliveryTableRow) => r.figures;
  const columns: Column<DeliveryTableRow>[] = [
    {
      key: 'name',
      header: t(`delivery.by.${by}`),
      cell: (r) => (
        <div style={{ minWidth: 180 }}>
          {r.page ? (
            <Anchor component={Link} to={`/s/${schoolId}/journal/${r.page.pageId}`} fw={500} size="sm">
              {r.key.name}
            </Anchor>
          ) : (
            <Text fw={500} size="sm">
              {r.key.name}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {r.page ? r.page.teacherName || t('delivery.noTeacher') : t('delivery.pagesDelivered', { done: f(r).pagesDelivered, count: f(r).pages })}
          </Text>
        </div>
      ),
    },
  ];
  if (by === 'page') {
    columns.push({ key: 'hpw', header: t('delivery.col.hoursPerWeek'), numeric: true, cell: (r) => formatNumber(r.page?.hoursPerWeek ?? 0) });
  }
  columns.push(
    { key: 'curriculum', header: <Hint label={t('delivery.col.curriculum')} title={t('delivery.col.curriculumTitle')} />, numeric: true, cell: (r) => formatNumber(f(r).curriculumHours) },
    {
      key: 'plan',
      header: <Hint label={t('delivery.col.plan')} title={t('delivery.col.planTitle')} />,
      numeric: true,
      cell: (r) =>
        f(r).pagesWithPlan === 0 ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('delivery.noPlan')}
          </Text>
        ) : (
          <div style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm">{formatNumber(f(r).planHours)}</Text>
            {!r.page && f(r).pagesWithPlan < f(r).pages && (
              <Text size="xs" c="dimmed">
                {t('delivery.withPlan', { count: f(r).pagesWithPlan, total: f(r).pages })}
              </Text>
            )}
          </div>
        ),
    },
    { key: 'calendar', header: <Hint label={t('delivery.col.calendar')} title={t('delivery.col.calendarTitle')} />, numeric: true, cell: (r) => f(r).calendarHours },
    { key: 'held', header: <Hint label={t('delivery.col.held')} title={t('delivery.col.heldTitle')} />, numeric: true, cell: (r) => <Text size="sm" fw={600}>{f(r).heldHours}</Text> },
  );
  if (dueTo) {
    columns.push({
      key: 'due',
      header: <Hint label={t('delivery.col.asOf', { date: formatDate(dueTo) })} title={t('delivery.col.asOfTitle')} />,
      numeric: true,
      cell: (r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm">{t('delivery.col.heldOfDue', { held: f(r).heldDue, due: formatNumber(f(r).dueHours) })}</Text>
          {f(r).pagesWithPlan > 0 && (
            <Text size="xs" c="dimmed">
              {t('delivery.col.duePlan', { due: formatNumber(f(r).duePlan) })}
            </Text>
          )}
        </div>
      ),
    });
  }
  columns.push(
    {
      key: 'short',
      header: <Hint label={t('delivery.col.short')} title={t('delivery.col.shortTitle')} />,
      numeric: true,
      cell: (r) => (
        <Text size="sm" fw={f(r).shortfall > 0 ? 700 : 400} c={shortColor(f(r))}>
          {f(r).shortfall > 0 ? `−${f(r).shortfall}` : t('common.none')}
        </Text>
      ),
    },
    {
      key: 'works',
      header: <Hint label={t('delivery.col.works')} title={t('delivery.col.worksTitle')} />,
      numeric: true,
      cell: (r) => {
        const w = f(r).works;
        const text = worksText(w);
        const behind = [w.test, w.lab, w.practical].some((k) => k.held < k.planned);
        return text ? (
          <Text size="sm" c={behind ? 'orange.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {text}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        );
      },
    },
  );
  // narrow cell spacing: on a 1366 px laptop every column fits, the last one (К / Л / П) was cut
  return <DataTable rows={rows} columns={columns} rowKey={(r) => r.key.id} caption={caption} minWidth={880} horizontalSpacing="xs" />;
}
