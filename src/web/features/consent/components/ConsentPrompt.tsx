import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyConsents } from '../api/get-my-consents.js';

/**
 * For a guardian whose child has no valid consent (never given, or withdrawn): the diary is
 * closed, and this says why and where to give consent. When the school has published a new
 * notice since the guardian consented, it asks them to read it and confirm. Nothing otherwise.
 */
export function ConsentPrompt({ schoolId }: { schoolId?: number }) {
  const { t } = useTranslation();
  const consents = useMyConsents();
  const here = (consents.data ?? []).filter((c) => schoolId === undefined || c.schoolId === schoolId);
  const missing = here.filter((c) => !c.valid);
  const reconfirm = here.filter((c) => c.valid && c.reconfirm);
  if (!missing.length && reconfirm.length)
    return (
      <Alert color="blue" variant="light" title={t('privacyNotice.reconfirm.badge')} maw={720}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('privacyNotice.reconfirm.prompt', { names: reconfirm.map((m) => m.pupilName).join(', ') })}</Text>
          <Button component={Link} to="/consent" size="xs">
            {t('privacyNotice.reconfirm.button')}
          </Button>
        </Stack>
      </Alert>
    );
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
