import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface QueryStatusProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}

/** Renders a query's data, or a loader, or a short failure note with a retry button. */
export function QueryStatus<T>({ query, children }: QueryStatusProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Group gap="xs" py="md" c="dimmed">
        <Loader size="sm" />
        <Text size="sm">{t('common.loading')}</Text>
      </Group>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" title={t('common.loadFailed')}>
        <Text size="sm" mb="xs">
          {query.error.message}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={() => query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
