import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconChevronRight, IconSchool, IconUsers } from '../../../components/ui/icons.js';
import { contextPath, type TContext } from '../../../lib/contexts.js';

function ContextCard({ context }: { context: TContext }) {
  const { t } = useTranslation();
  const roles = context.roles.map((r) => t(`roles.${r}`)).join(', ');
  const children = context.kind === 'school' ? context.membership.children.map((c) => c.name).join(', ') : '';
  return (
    <UnstyledButton component={Link} to={contextPath(context)} className="context-card">
      <Paper withBorder radius="md" p="lg" h="100%">
        <Group wrap="nowrap" align="flex-start" gap="md">
          <ThemeIcon size={40} radius="md" variant="light">
            {context.kind === 'school' ? <IconSchool size={22} /> : <IconUsers size={22} />}
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1 }}>
            <Text fw={600} size="lg" lh={1.3}>
              {context.name}
            </Text>
            <Text size="sm">{roles}</Text>
            {children && (
              <Text size="sm" c="dimmed">
                {children}
              </Text>
            )}
          </Stack>
          <IconChevronRight size={18} color="var(--mantine-color-dimmed)" />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** Cards for each school and city the person works in, e.g. "Ліцей №1 — Вчитель, Класний керівник". */
export function ContextChooser({ contexts }: { contexts: TContext[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={880}>
      {contexts.map((c) => (
        <ContextCard key={`${c.kind}-${c.id}`} context={c} />
      ))}
    </SimpleGrid>
  );
}
