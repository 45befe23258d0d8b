import { Alert, Badge, Button, Group, Modal, Paper, ScrollArea, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNotice } from '../../../../shared/api/consent.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { ApiError } from '../../../lib/api-error.js';
import { formatDate } from '../../../lib/format.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useConsentDashboard } from '../../consent/api/get-consent-dashboard.js';
import { NoticeText } from '../../consent/components/NoticeText.js';
import { useNotices } from '../api/get-notices.js';
import { type NoticeDraft, usePublishNotice } from '../api/publish-notice.js';

const toDraft = (n: TNotice) => ({ title: n.title, body: n.body, purposes: n.purposes.join('\n') });
const purposesOf = (text: string) => text.split('\n').map((p) => p.trim()).filter(Boolean);

/** The school's privacy notice: the version in force, a new version written, previewed and published. */
export function NoticeAdminRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const notices = useNotices(schoolId);
  return (
    <>
      <PageHeader title={t('privacyNotice.title')} description={t('privacyNotice.subtitle')} />
      <QueryStatus query={notices}>{(d) => <NoticeEditor schoolId={schoolId} current={d.current} versions={d.versions} />}</QueryStatus>
    </>
  );
}

function NoticeEditor({ schoolId, current, versions }: { schoolId: number; current: TNotice; versions: TNotice[] }) {
  const { t } = useTranslation();
  const publish = usePublishNotice(schoolId);
  const consented = useConsentDashboard(schoolId).data?.school.consented;
  const [draft, setDraft] = useState(() => toDraft(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [open, setOpen] = useState<'preview' | 'confirm' | null>(null);

  // a newly published version becomes the text to edit next
  useEffect(() => setDraft(toDraft(current)), [current]);

  const body: NoticeDraft = { title: draft.title.trim(), body: draft.body.trim(), purposes: purposesOf(draft.purposes) };
  const nextVersion = current.level === 'school' ? current.version + 1 : (versions.find((v) => v.level === 'school')?.version ?? 0) + 1;
  const preview: TNotice = { ...current, ...body, id: 0, level: 'school', version: nextVersion, publishedAt: new Date().toISOString() };
  const levelLabel = (n: TNotice) => t(`privacyNotice.level.${n.level}`);
  const purposeError = Object.entries(errors).find(([path]) => path.startsWith('purposes'))?.[1];

  const submit = () =>
    publish.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('privacyNotice.published'));
        setOpen(null);
        setErrors({});
        setFormError(null);
      },
      onError: (error) => {
        setOpen(null);
        if (!(error instanceof ApiError)) return setFormError(t('errors.network'));
        if (error.fields.length) return setErrors(error.fieldMap());
        setFormError(error.message);
      },
    });

  return (
    <Stack gap={36} maw={820}>
      <Section title={t('privacyNotice.inForce')}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>{current.title}</Text>
              <Badge variant="light" color={current.level === 'school' ? 'teal' : 'gray'}>
                {levelLabel(current)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('privacyNotice.versionOf', { version: current.version, level: levelLabel(current), date: formatDate(current.publishedAt.slice(0, 10)) })}
            </Text>
          </Stack>
        </Paper>
      </Section>

      <Section title={t('privacyNotice.editTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('privacyNotice.editIntro')}</Text>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('privacyNotice.fieldTitle')}
            value={draft.title}
            onChange={(e) => {
              const title = e.currentTarget.value;
              setDraft((d) => ({ ...d, title }));
            }}
            error={errors.title}
          />
          <Textarea
            label={t('privacyNotice.fieldBody')}
            description={t('privacyNotice.fieldBodyHint')}
            autosize
            minRows={8}
            maxRows={24}
            value={draft.body}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setDraft((d) => ({ ...d, body: text }));
            }}
            error={errors.body}
          />
          <Textarea
            label={t('privacyNotice.fieldPurposes')}
            description={t('privacyNotice.fieldPurposesHint')}
            autosize
            minRows={3}
            value={draft.purposes}
            onChange={(e) => {
              const purposes = e.currentTarget.value;
              setDraft((d) => ({ ...d, purposes }));
            }}
            error={purposeError}
          />
          <Group>
            <Button variant="default" onClick={() => setOpen('preview')}>
              {t('privacyNotice.preview')}
            </Button>
            <Button onClick={() => setOpen('confirm')}>{t('privacyNotice.publish')}</Button>
          </Group>
        </Stack>
      </Section>

      <Section title={t('privacyNotice.history')}>
        <DataTable
          caption={t('privacyNotice.history')}
          rows={versions}
          rowKey={(n) => n.id}
          columns={[
            { key: 'version', header: t('privacyNotice.colVersion'), numeric: true, cell: (n) => n.version },
            { key: 'level', header: t('privacyNotice.colLevel'), cell: (n) => levelLabel(n) },
            { key: 'title', header: t('privacyNotice.colTitle'), cell: (n) => n.title },
            { key: 'date', header: t('privacyNotice.colDate'), cell: (n) => formatDate(n.publishedAt.slice(0, 10)) },
          ]}
        />
      </Section>

      <Modal opened={open === 'preview'} onClose={() => setOpen(null)} title={t('privacyNotice.previewTitle')} size="lg" centered>
        <Stack gap="md">
          <ScrollArea.Autosize mah={480} type="auto" tabIndex={0}>
            <NoticeText notice={preview} />
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t('privacyNotice.back')}
            </Button>
            <Button onClick={() => setOpen('confirm')}>{t('privacyNotice.publish')}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={open === 'confirm'} onClose={() => setOpen(null)} title={t('privacyNotice.confirmTitle')} centered>
        <Stack gap="md">
          <Title order={3} fz="md">
            {body.title}
          </Title>
          <Text size="sm">
            {consented ? t('privacyNotice.confirmText', { count: consented }) : t('privacyNotice.confirmTextNone')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {t('privacyNotice.cancel')}
            </Button>
            <Button loading={publish.isPending} onClick={submit}>
              {t('privacyNotice.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
