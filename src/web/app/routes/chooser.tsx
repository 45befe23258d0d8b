import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ConsentPrompt } from '../../features/consent/components/ConsentPrompt.js';
import { ContextChooser } from '../../features/home/components/ContextChooser.js';
import { useSignedInMe } from '../../lib/auth.js';
import { contextPath, contextsOf } from '../../lib/contexts.js';

/** After sign-in: straight to the only school or city, or a card for each to choose from. */
export function ChooserRoute() {
  const { t } = useTranslation();
  const contexts = contextsOf(useSignedInMe());
  if (contexts.length === 1) return <Navigate to={contextPath(contexts[0])} replace />;
  if (!contexts.length) {
    // a guardian whose children have no valid consent belongs nowhere until they consent
    return (
      <Stack gap="md" mt="md">
        <ConsentPrompt />
        <Alert color="yellow" variant="light" maw={640}>
          {t('chooser.none')}
        </Alert>
      </Stack>
    );
  }
  return (
    <>
      <PageHeader
        title={contexts.some((c) => c.kind === 'city') ? t('chooser.titleWithCity') : t('chooser.title')}
        description={t('chooser.subtitle')}
      />
      <ContextChooser contexts={contexts} />
    </>
  );
}
