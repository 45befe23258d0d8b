import { Alert, Box, Button, Center, Checkbox, Group, Paper, PasswordInput, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { TInvitationInfo } from '../../../../shared/api/consent.js';
import { ProductMark } from '../../../components/ui/ProductMark.js';
import { formatDate } from '../../../lib/format.js';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch.js';
import { useLookupInvitation } from '../api/lookup-invitation.js';
import { useRedeemInvitation } from '../api/redeem-invitation.js';
import { errorsOf } from './form-errors.js';
import { NoticeText } from './NoticeText.js';

const MIN_PASSWORD = 10;

/** Step 1: the code from the letter. */
function CodeStep({ onFound }: { onFound: (code: string, info: TInvitationInfo) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const lookup = useLookupInvitation();
  const errors = errorsOf(lookup.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    lookup.mutate(code, { onSuccess: (info) => onFound(code, info) });
  };
  return (
    <Paper component="form" onSubmit={submit} noValidate withBorder shadow="sm" radius="md" p="xl" aria-labelledby="invite-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="invite-title">
          {t('invite.title')}
        </Title>
        <Text size="sm">{t('invite.intro')}</Text>
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label={t('invite.code')}
          description={t('invite.codeHint')}
          placeholder="ABCD-EFGH-JKLM"
          autoCapitalize="characters"
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.fields.code}
          styles={{ input: { fontFamily: 'monospace', letterSpacing: 2, fontSize: 18 } }}
          autoFocus
        />
        <Button type="submit" loading={lookup.isPending}>
          {t('invite.next')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** Step 2: read the notice, consent where needed, choose a login and a password. */
function AccountStep({ code, info }: { code: string; info: TInvitationInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const redeem = useRedeemInvitation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [email, setEmail] = useState('');
  const [accept, setAccept] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const guardian = info.kind === 'guardian';
  const errors = errorsOf(redeem.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < MIN_PASSWORD) problems.password = t('invite.passwordShort');
    if (password !== repeat) problems.repeat = t('password.mismatch');
    if (info.consentNeeded && !accept) problems.consent = t('invite.consentRequired');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    redeem.mutate(
      { code, login, password, email: guardian ? email : undefined, consent: guardian && accept ? { noticeId: info.notice.id, accept: true } : undefined },
      { onSuccess: (r) => navigate(`/s/${r.schoolId}/diary/${r.pupilId}`, { replace: true, state: { name: info.pupilName } }) },
    );
  };
  return (
    <Paper component="form" onSubmit={submit} noValidate withBorder shadow="sm" radius="md" p="xl" aria-labelledby="account-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="account-title">
          {guardian ? t('invite.forGuardian', { name: info.personName, pupil: info.pupilName }) : t('invite.forPupil', { name: info.personName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('invite.school', { school: info.schoolName, date: formatDate(info.expiresAt.slice(0, 10)) })}
        </Text>
        {errors.form && (
          <Alert color="red" variant="light" role="alert">
            {errors.form}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
          <ScrollArea.Autosize mah={320} type="auto" aria-label={t('consent.noticeTitle')} tabIndex={0}>
            <NoticeText notice={info.notice} />
          </ScrollArea.Autosize>
        </Paper>
        {guardian && (
          <Checkbox
            checked={accept}
            onChange={(e) => setAccept(e.currentTarget.checked)}
            label={info.consentNeeded ? t('invite.consent') : t('invite.consentAlso')}
            error={local.consent}
          />
        )}
        {!guardian && <Text size="sm">{t('invite.pupilNote')}</Text>}
        <TextInput
          label={t('invite.login')}
          description={t('invite.loginHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
          error={errors.fields.login}
          required
        />
        <PasswordInput
          label={t('invite.password')}
          description={t('password.newHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={local.password ?? errors.fields.password}
          required
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={local.repeat}
          required
        />
        {guardian && (
          <TextInput
            type="email"
            label={t('invite.email')}
            description={t('invite.emailHint')}
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.fields.email}
          />
        )}
        <Button type="submit" loading={redeem.isPending}>
          {t('invite.create')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The page a parent or pupil opens from the invitation letter: code, notice and consent, own login. */
export function InviteRoute() {
  const { t } = useTranslation();
  const [found, setFound] = useState<{ code: string; info: TInvitationInfo } | null>(null);
  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={560} mx="auto" mb="lg">
        <LanguageSwitch size="sm" />
      </Group>
      <Center>
        <Stack w="100%" maw={560} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <ProductMark size={44} />
            <Title order={1} fz={28}>
              {t('app.name')}
            </Title>
          </Stack>
          {found ? <AccountStep code={found.code} info={found.info} /> : <CodeStep onFound={(code, info) => setFound({ code, info })} />}
        </Stack>
      </Center>
    </Box>
  );
}
