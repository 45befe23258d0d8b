import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconBook, IconChevronRight } from '../../../components/ui/icons.js';

/** A pupil's way to their own diary. */
export function OwnDiaryCard({ schoolId, pupilId }: { schoolId: number; pupilId: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" maw={520}>
      <Group gap="md" wrap="nowrap" mb="md" c="blue">
        <IconBook size={28} />
        <Text c="var(--mantine-color-text)">{t('diary.mineText')}</Text>
      </Group>
      <Button component={Link} to={`/s/${schoolId}/diary/${pupilId}`} rightSection={<IconChevronRight size={14} />}>
        {t('diary.open')}
      </Button>
    </Paper>
  );
}
