import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list says when it has nothing to show. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" bg="var(--mantine-color-gray-0)">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
    </Paper>
  );
}
