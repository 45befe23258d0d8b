import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TReportList } from '../../../../shared/api/control.js';
import { type Column, DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { useNumberParam } from '../../../lib/params.js';
import { reportFileUrl, useReports } from '../api/get-reports.js';
import { formatDate, formatMoment, formatShare, levelColor } from '../format.js';

type Item = TReportList['reports'][number];

/** Download links of a stored report. */
export function ReportDownloads({ schoolId, week }: { schoolId: number; week: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {(['xlsx', 'pdf'] as const).map((f) => (
        <Button key={f} component="a" href={reportFileUrl(schoolId, week, f)} download size="compact-sm" variant="default" aria-label={`${t('control.download')} ${f.toUpperCase()} ${week}`}>
          {f.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** /s/:schoolId/analysis/reports: the weekly reports prepared every Monday. */
export function ReportsRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const reports = useReports(schoolId);
  const columns: Column<Item>[] = [
    {
      key: 'week',
      header: t('control.reportWeek'),
      cell: (r) => (
        <Anchor component={Link} to={`/s/${schoolId}/analysis/reports/${r.week}`}>
          {formatDate(r.from)} – {formatDate(r.to)}
        </Anchor>
      ),
    },
    {
      key: 'level',
      header: t('control.level'),
      numeric: true,
      cell: (r) => (
        <Text fw={600} c={levelColor(r.level)}>
          {formatShare(r.level)}
        </Text>
      ),
    },
    { key: 'created', header: t('control.reportCreated'), cell: (r) => formatMoment(r.createdAt) },
    { key: 'emailed', header: t('control.reportEmailed'), cell: (r) => (r.emailedAt ? formatMoment(r.emailedAt) : <Text span c="dimmed">{t('control.notEmailed')}</Text>) },
    { key: 'files', header: t('control.download'), cell: (r) => <ReportDownloads schoolId={schoolId} week={r.week} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('control.reports')}
        description={t('control.reportsHint')}
        aside={
          <Button component={Link} to={`/s/${schoolId}/analysis`} variant="default">
            {t('control.analysisShort')}
          </Button>
        }
      />
      <QueryStatus query={reports}>
        {(data) =>
          data.reports.length ? (
            <DataTable rows={data.reports} columns={columns} rowKey={(r) => r.week} caption={t('control.reports')} minWidth={720} />
          ) : (
            <EmptyNote>{t('control.reportsEmpty')}</EmptyNote>
          )
        }
      </QueryStatus>
    </>
  );
}
