import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** What a person sees when a screen fails to render: a calm message and a way back. */
export function CrashedRoute() {
  const { t } = useTranslation();
  console.error(useRouteError());
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={480} ta="center">
        <Title order={1} fz={26}>
          {t('errors.crashed')}
        </Title>
        <Text c="dimmed">{t('errors.crashedText')}</Text>
        <Button mt="sm" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
