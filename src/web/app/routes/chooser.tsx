import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ContextChooser } from '../../features/home/components/ContextChooser.js';
import { useSignedInMe } from '../../lib/auth.js';
import { contextPath, contextsOf } from '../../lib/contexts.js';

/** After sign-in: straight to the only school or city, or a card for each to choose from. */
export function ChooserRoute() {
  const { t } = useTranslation();
  const contexts = contextsOf(useSignedInMe());
  if (contexts.length === 1) return <Navigate to={contextPath(contexts[0])} replace />;
  if (!contexts.length) {
    return (
      <Alert color="yellow" variant="light" maw={640} mt="md">
        {t('chooser.none')}
      </Alert>
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
