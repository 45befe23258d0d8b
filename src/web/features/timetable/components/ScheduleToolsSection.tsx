import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.js';

const TOOLS = [
  { path: 'admin/curriculum', key: 'curriculum' },
  { path: 'admin/timetable', key: 'timetable' },
  { path: 'admin/calendar', key: 'calendar' },
] as const;

/** "Навчальний процес": the administrator's and head's way to the curriculum, timetable and calendar. */
export function ScheduleToolsSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  return (
    <Section title={t('timetable.tools.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {TOOLS.map((tool) => (
          <UnstyledButton key={tool.key} component={Link} to={`/s/${schoolId}/${tool.path}`}>
            <Paper withBorder radius="md" p="md" h="100%">
              <Text fw={600}>{t(`timetable.tools.${tool.key}`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`timetable.tools.${tool.key}Text`)}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Section>
  );
}
