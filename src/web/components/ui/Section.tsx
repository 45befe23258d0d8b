import { Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface SectionProps {
  title: ReactNode;
  /** a filter or a link on the heading's right */
  aside?: ReactNode;
  children: ReactNode;
}

/** One titled part of a screen, labelled for screen readers by its heading. */
export function Section({ title, aside, children }: SectionProps) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} fz="xl" id={headingId}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}
