import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.js';
import { useAnalysis } from '../api/get-analysis.js';
import { useRemarksByTeacher } from '../api/get-remarks-by-teacher.js';
import { formatShare, levelColor } from '../format.js';

function Card({ to, label, value, note, color }: { to: string; label: string; value: string; note?: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Text fz={28} fw={600} lh={1.2} mt={4} c={color}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** The head's and the controller's home: last week's fill level, open remarks, late corrections. */
export function ControlHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const analysis = useAnalysis(schoolId, {});
  const remarks = useRemarksByTeacher(schoolId);
  const open = remarks.data?.teachers.reduce((n, r) => n + r.open, 0);
  const overdue = remarks.data?.teachers.reduce((n, r) => n + r.overdue, 0) ?? 0;
  const level = analysis.data?.school.level;
  return (
    <Section title={t('control.controlSection')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Card
          to={`/s/${schoolId}/analysis`}
          label={t('control.lastWeekLevel')}
          value={level === undefined ? '…' : formatShare(level)}
          color={level === undefined ? undefined : levelColor(level)}
        />
        <Card
          to={`/s/${schoolId}/remarks`}
          label={t('control.openRemarks')}
          value={open === undefined ? '…' : String(open)}
          note={overdue ? t('control.overdueRemarks', { count: overdue }) : undefined}
          color={overdue ? 'red' : undefined}
        />
        <Card
          to={`/s/${schoolId}/analysis`}
          label={t('control.pendingLate')}
          value={analysis.data ? String(analysis.data.lateChangesPending) : '…'}
        />
      </SimpleGrid>
    </Section>
  );
}
