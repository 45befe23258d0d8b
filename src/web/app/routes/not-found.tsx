import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address the app does not know, or a school or city the person has no access to. */
export function NotFoundRoute({ noAccess = false }: { noAccess?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1} fz={26}>
        {noAccess ? t('errors.noAccess') : t('errors.notFound')}
      </Title>
      {!noAccess && <Text c="dimmed">{t('errors.notFoundText')}</Text>}
      <Button component={Link} to="/" mt="sm">
        {t('errors.toHome')}
      </Button>
    </Stack>
  );
}
