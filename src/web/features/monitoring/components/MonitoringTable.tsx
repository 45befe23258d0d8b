import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMonitoring } from '../../../../shared/api/monitoring.js';

const pct = (x: number | null) => (x == null ? '—' : `${Math.round(x * 1000) / 10}%`);
const num = (x: number | null) => (x == null ? '—' : String(Math.round(x * 10) / 10));

/** Every school's shares for the quarter, ranked by fill level. */
export function MonitoringTable({ data }: { data: TMonitoring }) {
  const { t } = useTranslation();
  if (!data.schools.length) return <Text c="dimmed">{t('monitoring.schoolsEmpty')}</Text>;
  const cols = ['rank', 'school', 'fill', 'quality', 'remarks', 'overdue', 'consent', 'plan', 'computers', 'classrooms', 'internet', 'survey', 'training'] as const;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            {cols.map((c) => (
              <Table.Th key={c}>{t(`cityMonitoring.col.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((s) => (
            <Table.Tr key={s.schoolId}>
              <Table.Td>{s.rank}</Table.Td>
              <Table.Td>{s.schoolName}</Table.Td>
              <Table.Td>{pct(s.fillLevel)}</Table.Td>
              <Table.Td>{num(s.qualityPer100)}</Table.Td>
              <Table.Td>{s.remarksOpen}</Table.Td>
              <Table.Td>{pct(s.remarksOverdueShare)}</Table.Td>
              <Table.Td>{pct(s.consentShare)}</Table.Td>
              <Table.Td>{pct(s.planDoneShare)}</Table.Td>
              <Table.Td>{num(s.computersPerTeacher)}</Table.Td>
              <Table.Td>{pct(s.classroomsWithComputerShare)}</Table.Td>
              <Table.Td>{num(s.internetMbps)}</Table.Td>
              <Table.Td>{pct(s.surveyAnsweredShare)}</Table.Td>
              <Table.Td>{pct(s.needTrainingShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The trend: each school's fill level week by week. */
export function WeeklyTable({ data }: { data: TMonitoring }) {
  const { t } = useTranslation();
  if (!data.weeks.length) return <Text c="dimmed">{t('cityMonitoring.noWeeks')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cityMonitoring.col.school')}</Table.Th>
            {data.weeks.map((w) => (
              <Table.Th key={w}>{w.slice(5)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((s) => (
            <Table.Tr key={s.schoolId}>
              <Table.Td>{s.schoolName}</Table.Td>
              {s.weekly.map((w) => (
                <Table.Td key={w.week} style={{ background: w.level == null ? undefined : `rgba(34, 139, 230, ${0.1 + w.level * 0.4})` }}>
                  {pct(w.level)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
