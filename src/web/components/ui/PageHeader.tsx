import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** badges or buttons on the right */
  aside?: ReactNode;
}

/** The title of a screen, with an optional line under it. */
export function PageHeader({ title, description, aside }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {title}
        </Title>
        {typeof description === 'string' ? <Text c="dimmed">{description}</Text> : description}
      </Stack>
      {aside}
    </Group>
  );
}
