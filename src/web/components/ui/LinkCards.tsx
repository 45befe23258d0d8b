import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { Section } from './Section.js';

export interface LinkCard {
  /** the address inside the school, e.g. `admin/staff` */
  to: string;
  title: string;
  hint: string;
}

/** A titled section of cards, each a link to a screen of the school with a one-line hint. */
export function LinkCards({ schoolId, title, links }: { schoolId: number; title: string; links: LinkCard[] }) {
  return (
    <Section title={title}>
      <SimpleGrid cols={{ base: 1, sm: links.length > 2 ? 3 : 2 }}>
        {links.map((l) => (
          <UnstyledButton key={l.to} component={Link} to={`/s/${schoolId}/${l.to}`}>
            <Paper withBorder radius="md" p="md" h="100%">
              <Text fw={600} c="blue.8">
                {l.title}
              </Text>
              <Text size="sm" c="dimmed">
                {l.hint}
              </Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Section>
  );
}
