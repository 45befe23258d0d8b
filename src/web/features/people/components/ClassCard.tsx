import { Anchor, Badge, Box, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TClassPupils } from '../../../../shared/api/people.js';
import { IconChevronRight } from '../../../components/ui/icons.js';
import { todayIso } from '../../../lib/format.js';

/** A class teacher's class at a glance: its label, pupil count and every pupil's name. */
export function ClassCard({ schoolId, data }: { schoolId: number; data: TClassPupils }) {
  const { t } = useTranslation();
  const { class: cls } = data;
  const day = todayIso();
  // pupils who have left or not yet arrived are on the class page, not on the card
  const pupils = data.pupils.filter((p) => p.fromDate <= day && (!p.toDate || p.toDate >= day));
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md" gap="sm">
        <Group gap="sm">
          <Title order={3} fz="lg">
            {t('people.classTitle', { label: cls.label })}
          </Title>
          <Badge variant="light" color="gray" size="lg" fw={500} tt="none">
            {t('people.pupilsCount')}: {pupils.length}
          </Badge>
        </Group>
        <Button component={Link} to={`/s/${schoolId}/classes/${cls.id}`} variant="light" size="xs" rightSection={<IconChevronRight size={14} />}>
          {t('people.openClass')}
        </Button>
      </Group>
      {pupils.length ? (
        <Box component="ol" m={0} ps="xl" style={{ columns: '14rem 3', columnGap: 'var(--mantine-spacing-xl)' }}>
          {pupils.map((p) => (
            <Text component="li" key={p.id} size="sm" py={3} style={{ breakInside: 'avoid' }}>
              <Anchor component={Link} to={`/s/${schoolId}/pupils/${p.id}`} c="inherit">
                {p.lastName} {p.firstName}
              </Anchor>
            </Text>
          ))}
        </Box>
      ) : (
        <Text c="dimmed" size="sm">
          {t('people.pupilsEmpty')}
        </Text>
      )}
    </Paper>
  );
}
