import { Alert, Box, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNotificationSettings, TNotifyMode } from '../../../../shared/api/notices.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { ApiError } from '../../../lib/api-error.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useNotificationSettings } from '../api/get-notification-settings.js';
import { useSaveNotificationSettings } from '../api/save-notification-settings.js';

const KINDS = ['marks', 'absences', 'announcements'] as const;

function SettingsForm({ schoolId, initial }: { schoolId: number; initial: TNotificationSettings }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings(schoolId);
  const [s, setS] = useState(initial);
  const [quiet, setQuiet] = useState(initial.quietFrom !== null);
  // three choices do not fit a phone's width side by side
  const narrow = useMediaQuery('(max-width: 30em)');
  const error = save.error instanceof ApiError ? save.error : null;
  const fields = error?.fieldMap() ?? {};
  const set = (patch: Partial<TNotificationSettings>) => setS((v) => ({ ...v, ...patch }));
  const submit = () =>
    save.mutate(
      { ...s, quietFrom: quiet ? (s.quietFrom ?? '21:00') : null, quietTo: quiet ? (s.quietTo ?? '07:00') : null },
      { onSuccess: () => notifySuccess(t('notices.settings.saved')) },
    );
  return (
    <Paper
      component="form"
      withBorder
      radius="md"
      p="lg"
      maw={720}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="lg">
        {save.error && !error?.fields.length && (
          <Alert color="red" variant="light" role="alert">
            {save.error.message}
          </Alert>
        )}
        <TextInput
          type="email"
          label={t('notices.settings.email')}
          description={t('notices.settings.emailHint')}
          value={s.email ?? ''}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={fields.email}
        />
        {KINDS.map((kind) => (
          <Stack key={kind} gap={4}>
            <Text fw={500} id={`kind-${kind}`}>
              {t(`notices.settings.kind.${kind}`)}
            </Text>
            <SegmentedControl
              aria-labelledby={`kind-${kind}`}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth={narrow}
              value={s[kind]}
              onChange={(v) => set({ [kind]: v as TNotifyMode })}
              data={[
                { value: 'instant', label: t('notices.settings.mode.instant') },
                { value: 'digest', label: t('notices.settings.mode.digest') },
                { value: 'off', label: t('notices.settings.mode.off') },
              ]}
            />
          </Stack>
        ))}
        <TextInput
          type="time"
          label={t('notices.settings.digestAt')}
          description={t('notices.settings.digestHint')}
          value={s.digestAt}
          onChange={(e) => set({ digestAt: e.currentTarget.value })}
          error={fields.digestAt}
          // only the field is narrow: its hint keeps the form's width
          inputContainer={(input) => <Box maw={220}>{input}</Box>}
        />
        <Stack gap="xs">
          <Switch checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} label={t('notices.settings.quiet')} description={t('notices.settings.quietHint')} />
          {quiet && (
            <SimpleGrid cols={2} maw={440}>
              <TextInput type="time" label={t('notices.settings.from')} value={s.quietFrom ?? '21:00'} onChange={(e) => set({ quietFrom: e.currentTarget.value })} error={fields.quietFrom} />
              <TextInput type="time" label={t('notices.settings.to')} value={s.quietTo ?? '07:00'} onChange={(e) => set({ quietTo: e.currentTarget.value })} error={fields.quietTo} />
            </SimpleGrid>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('notices.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The parent chooses what arrives by e-mail, at once or once a day, and when not to disturb. */
export function NotificationSettingsRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const settings = useNotificationSettings(schoolId);
  return (
    <>
      <PageHeader title={t('notices.settings.title')} description={t('notices.settings.subtitle')} />
      <QueryStatus query={settings}>{(s) => <SettingsForm schoolId={schoolId} initial={s} />}</QueryStatus>
    </>
  );
}
