import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.js';

/** The head's (and the controller's, the administrator's) way to the end of the year and the archive. */
export function YearEndHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const links = [
    { to: 'yearend', title: t('yearend.link'), hint: t('yearend.linkHint') },
    { to: 'archive', title: t('archive.link'), hint: t('archive.linkHint') },
  ];
  return (
    <Section title={t('yearend.homeTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
