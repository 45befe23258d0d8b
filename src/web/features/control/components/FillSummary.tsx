import { Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FILL_COMPONENTS, type TAnalysis } from '../../../../shared/api/control.js';
import { formatShare, levelColor } from '../format.js';

type Figures = TAnalysis['school'];

/** [present, expected] of each component, as the server counts them. */
export function componentCounts(f: Figures): Record<(typeof FILL_COMPONENTS)[number], [number, number]> {
  return {
    held: [f.held, f.planned],
    topic: [f.withTopic, f.planned],
    homework: [f.withHomework, f.homeworkExpected],
    attendance: [f.withAttendance, f.planned],
    timeliness: [f.onTime, f.planned],
    density: [f.pupils - f.pupilsWithoutRecentMark, f.pupils],
    summative: [f.summativePresent, f.summativeExpected],
  };
}

/** The school's level and every component of it, each with "x of y". */
export function FillSummary({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const counts = componentCounts(figures);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-blue-0)">
        <Text size="sm" c="dimmed">
          {t('control.level')}
        </Text>
        <Text fz={32} fw={700} lh={1.2} c={levelColor(figures.level)} data-testid="school-level">
          {formatShare(figures.level)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('control.planned')}: {figures.planned}
        </Text>
      </Paper>
      {FILL_COMPONENTS.map((c) => {
        const [present, expected] = counts[c];
        return (
          <Paper key={c} withBorder radius="md" p="md">
            <Text size="sm" c="dimmed" lineClamp={1} title={t(`control.components.${c}`)}>
              {t(`control.components.${c}`)}
            </Text>
            <Group justify="space-between" align="baseline" mt={2}>
              <Text fz={22} fw={600}>
                {expected ? formatShare(figures.shares[c]) : t('common.none')}
              </Text>
              <Text size="xs" c="dimmed">
                {expected ? t('control.ofExpected', { present, expected }) : t('control.nothingExpected')}
              </Text>
            </Group>
            <Progress value={expected ? figures.shares[c] * 100 : 0} color={levelColor(figures.shares[c])} size="sm" mt={6} aria-hidden />
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
