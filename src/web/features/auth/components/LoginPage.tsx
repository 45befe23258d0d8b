import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ProductMark } from '../../../components/ui/ProductMark.js';
import { ApiError } from '../../../lib/api-error.js';
import { useMe } from '../../../lib/auth.js';
import { useLogin } from '../api/login.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The sign-in screen: login, password and a clear answer when they are wrong. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const signIn = useLogin();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data) return <Navigate to={from} replace />;

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const fieldErrors = error?.fieldMap() ?? {};
  const formError = signIn.error && !error?.fields.length ? signIn.error.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={420} mx="auto" mb="xl">
        <LanguageSwitch size="sm" />
      </Group>
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <ProductMark size={44} />
            <Title order={1} fz={28}>
              {t('app.name')}
            </Title>
            <Text c="dimmed">{t('app.tagline')}</Text>
          </Stack>
          <Paper component="form" onSubmit={submit} noValidate withBorder shadow="sm" radius="md" p="xl" aria-labelledby="login-title">
            <Stack gap="md">
              <Title order={2} fz="lg" id="login-title">
                {t('login.title')}
              </Title>
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
              <TextInput
                label={t('login.login')}
                name="login"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={login}
                onChange={(e) => setLogin(e.currentTarget.value)}
                error={fieldErrors.login}
                data-autofocus
                autoFocus
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldErrors.password}
              />
              <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
                {t('login.submit')}
              </Button>
            </Stack>
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            {t('login.hint')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
