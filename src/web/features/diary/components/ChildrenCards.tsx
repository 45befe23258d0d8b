import { Avatar, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TChild } from '../../../../shared/roles.js';
import { IconChevronRight } from '../../../components/ui/icons.js';
import { compareUk } from '../../../lib/format.js';

/** One card per child of a parent in this school, each opening the child's diary. */
export function ChildrenCards({ schoolId, pupils }: { schoolId: number; pupils: TChild[] }) {
  const { t } = useTranslation();
  const sorted = [...pupils].sort((a, b) => compareUk(a.name, b.name));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {sorted.map((child) => (
        <Paper key={child.pupilId} withBorder radius="md" p="lg">
          <Group gap="md" wrap="nowrap" mb="md">
            <Avatar size={44} radius="xl" color="initials" name={child.name} />
            <Stack gap={2}>
              <Text fw={600}>{child.name}</Text>
              <Text size="sm" c="dimmed">
                {child.classLabel ? `${t('people.class')} ${child.classLabel}` : t('diary.noClass')}
              </Text>
            </Stack>
          </Group>
          <Button
            component={Link}
            to={`/s/${schoolId}/diary/${child.pupilId}`}
            state={{ name: child.name }}
            variant="light"
            fullWidth
            rightSection={<IconChevronRight size={14} />}
          >
            {t('diary.open')}
          </Button>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
