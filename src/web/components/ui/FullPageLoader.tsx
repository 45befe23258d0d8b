import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A centred loader for the moment before the person is known. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
