import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/ui/Section.js';

/** The administrator's home: staff, classes and pupils, import from a file. */
export function AdminHomeSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const links = [
    { to: 'admin/staff', title: t('admin.staffLink'), hint: t('admin.staffHint') },
    { to: 'admin/classes', title: t('admin.classesLink'), hint: t('admin.classesHint') },
    { to: 'admin/import', title: t('admin.importLink'), hint: t('admin.importHint') },
  ];
  return (
    <Section title={t('admin.home')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
