import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProductMark } from '../../../components/ui/ProductMark.js';
import { ApiError } from '../../../lib/api-error.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { notifySuccess } from '../../../lib/notify.js';
import { meQueryKey } from '../../../lib/query-client.js';
import { useChangePassword } from '../../auth/api/change-password.js';
import { useLogout } from '../../auth/api/logout.js';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch.js';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/** Which field an API error belongs to. */
const FIELD_OF_CODE: Record<string, Field> = {
  wrong_password: 'currentPassword',
  weak_password: 'newPassword',
  password_reused: 'newPassword',
  password_is_login: 'newPassword',
};

/**
 * The only screen of a person who signed in with a one-time password from the administrator:
 * they choose their own password (or sign out); the rest of the app opens after that.
 */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const change = useChangePassword();
  const signOut = useLogout();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    if (values.newPassword !== values.repeat) return setErrors({ repeat: t('accounts.forced.mismatch') });
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: async () => {
          notifySuccess(t('accounts.forced.done'));
          await client.invalidateQueries({ queryKey: meQueryKey });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setFormError(t('errors.network'));
          const field = FIELD_OF_CODE[error.code];
          if (field) return setErrors({ [field]: error.message });
          if (error.fields.length) return setErrors(error.fieldMap());
          setFormError(error.message);
        },
      },
    );
  };

  const input = (field: Field, autoComplete: string, description?: string) => (
    <PasswordInput
      label={t(`accounts.forced.${field === 'currentPassword' ? 'current' : field === 'newPassword' ? 'new' : 'repeat'}`)}
      description={description}
      autoComplete={autoComplete}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [field]: value }));
      }}
      error={errors[field]}
    />
  );

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={460} mx="auto" mb="xl">
        <LanguageSwitch size="sm" />
      </Group>
      <Center>
        <Stack w="100%" maw={460} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <ProductMark size={44} />
            <Text c="dimmed">{t('app.name')}</Text>
          </Stack>
          <Paper component="form" onSubmit={submit} noValidate withBorder shadow="sm" radius="md" p="xl" aria-labelledby="forced-title">
            <Stack gap="md">
              <Title order={1} fz="lg" id="forced-title">
                {t('accounts.forced.title')}
              </Title>
              <Text size="sm">{t('accounts.forced.text')}</Text>
              <Text size="sm" c="dimmed">
                {t('accounts.forced.signedInAs', { login: me.login })}
              </Text>
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
              {input('currentPassword', 'current-password')}
              {input('newPassword', 'new-password', t('accounts.forced.newHint'))}
              {input('repeat', 'new-password')}
              <Button type="submit" fullWidth loading={change.isPending} mt="xs">
                {t('accounts.forced.save')}
              </Button>
              <Button
                variant="subtle"
                color="gray"
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
              >
                {t('accounts.forced.logout')}
              </Button>
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
