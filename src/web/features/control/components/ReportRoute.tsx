import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type TQualityKind, ZQualityKind } from '../../../../shared/api/control.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { useNumberParam } from '../../../lib/params.js';
import { useReport } from '../api/get-report.js';
import { formatDate, formatMoment } from '../format.js';
import { FillSummary } from './FillSummary.js';
import { FillTable } from './FillTable.js';
import { ReportDownloads } from './ReportsRoute.js';

/** /s/:schoolId/analysis/reports/:week: one stored weekly report, as it was sent. */
export function ReportRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const week = useParams().week ?? '';
  const report = useReport(schoolId, week);
  return (
    <QueryStatus query={report}>
      {(r) => (
        <>
          <PageHeader
            title={t('control.report', { from: formatDate(r.from), to: formatDate(r.to) })}
            description={`${t('control.reportCreated')}: ${formatMoment(r.createdAt)}${r.emailedAt ? ` · ${t('control.reportEmailed')}: ${formatMoment(r.emailedAt)}` : ''}`}
            aside={
              <Group gap="xs">
                <ReportDownloads schoolId={schoolId} week={week} />
                <Button component={Link} to={`/s/${schoolId}/analysis?from=${r.from}&to=${r.to}`} variant="default">
                  {t('control.analysisShort')}
                </Button>
                <Button component={Link} to={`/s/${schoolId}/analysis/reports`} variant="default">
                  {t('control.allReports')}
                </Button>
              </Group>
            }
          />
          <Stack gap={36}>
            <FillSummary figures={r.data.school} />
            <Group gap="xs">
              {ZQualityKind.options.map((k: TQualityKind) => (
                <Badge key={k} variant="light" color={r.data.quality[k] ? 'orange' : 'gray'}>
                  {t(`control.qualityKinds.${k}`)}: {r.data.quality[k]}
                </Badge>
              ))}
              <Badge variant="light">{t('control.lateChanges')}: {r.data.lateChangesPending}</Badge>
              <Badge variant="light" color={r.data.remarks.overdue ? 'red' : 'gray'}>
                {t('control.openRemarks')}: {r.data.remarks.open} ({t('control.overdueRemarks', { count: r.data.remarks.overdue })})
              </Badge>
            </Group>
            {(['teacher', 'class', 'subject'] as const).map((by) => (
              <Section key={by} title={t(`control.by.${by}`)}>
                {by === 'teacher' && (
                  <Text size="sm" c="dimmed">
                    {t('control.analysisIntro')}
                  </Text>
                )}
                <FillTable
                  rows={{ teacher: r.data.byTeacher, class: r.data.byClass, subject: r.data.bySubject }[by]}
                  keyTitle={t(`control.by.${by}`)}
                  schoolLevel={r.data.school.level}
                  caption={t(`control.by.${by}`)}
                />
              </Section>
            ))}
          </Stack>
        </>
      )}
    </QueryStatus>
  );
}
