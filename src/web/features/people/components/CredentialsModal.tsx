import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface TShownCredential {
  name: string;
  login: string;
  initialPassword: string;
}

/** Logins with one-time passwords, shown once: after closing, nobody can see them again. */
export function CredentialsModal({ credentials, onClose }: { credentials: TShownCredential[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!credentials} onClose={onClose} title={t('admin.staff.credentialsTitle')} centered size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {t('admin.staff.credentialsNote')}
        </Alert>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.staff.login')}</Table.Th>
              <Table.Th>{t('admin.staff.password')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(credentials ?? []).map((c) => (
              <Table.Tr key={c.login}>
                <Table.Td>
                  <Text size="sm">{c.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Code data-testid="one-time-login">{c.login}</Code>
                </Table.Td>
                <Table.Td>
                  <Code data-testid="one-time-password">{c.initialPassword}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('admin.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
