import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyConsents } from '../api/get-my-consents.js';

/**
 * For a guardian whose child has no valid consent (never given, or withdrawn): the diary is
 * closed, and this says why and where to give consent. Nothing for everyone else.
 */
export function ConsentPrompt({ schoolId }: { schoolId?: number }) {
  const { t } = useTranslation();
  const consents = useMyConsents();
  const missing = (consents.data ?? []).filter((c) => !c.valid && (schoolId === undefined || c.schoolId === schoolId));
  if (!missing.length) return null;
  return (
    <Alert color="yellow" variant="light" title={t('consent.prompt.title')} maw={720}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('consent.prompt.text', { names: missing.map((m) => m.pupilName).join(', ') })}</Text>
        <Button component={Link} to="/consent" size="xs">
          {t('consent.prompt.open')}
        </Button>
      </Stack>
    </Alert>
  );
}
