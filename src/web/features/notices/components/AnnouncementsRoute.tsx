import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAnnouncement } from '../../../../shared/api/notices.js';
import { DataTable } from '../../../components/ui/DataTable.js';
import { EmptyNote } from '../../../components/ui/EmptyNote.js';
import { PageHeader } from '../../../components/ui/PageHeader.js';
import { QueryStatus } from '../../../components/ui/QueryStatus.js';
import { Section } from '../../../components/ui/Section.js';
import { ApiError } from '../../../lib/api-error.js';
import { useSignedInMe } from '../../../lib/auth.js';
import { membershipIn } from '../../../lib/contexts.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useNumberParam } from '../../../lib/params.js';
import { useCreateAnnouncement } from '../api/create-announcement.js';
import { useAnnouncements } from '../api/get-announcements.js';
import { useClassOptions } from '../api/get-class-options.js';
import { audienceText, formatMoment } from './format.js';
import { ReceiptsModal } from './ReceiptsModal.js';

type Audience = 'class' | 'grade' | 'school';

/** The form: to whom (a class; for the head and the administrator also a grade or the school), title, text. */
function ComposeForm({ schoolId, leads, classIds }: { schoolId: number; leads: boolean; classIds: number[] }) {
  const { t } = useTranslation();
  const classes = useClassOptions(schoolId);
  const create = useCreateAnnouncement(schoolId);
  const [audience, setAudience] = useState<Audience>('class');
  const [classId, setClassId] = useState<string | null>(classIds.length === 1 ? String(classIds[0]) : null);
  const [grade, setGrade] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const fields = error?.fieldMap() ?? {};
  const formError = create.error && !error?.fields.length ? create.error.message : null;
  const classList = (classes.data ?? []).filter((c) => leads || classIds.includes(c.id));
  const grades = [...new Set((classes.data ?? []).map((c) => c.grade))].sort((a, b) => a - b);
  const submit = () =>
    create.mutate(
      {
        audience,
        classId: audience === 'class' && classId ? Number(classId) : undefined,
        grade: audience === 'grade' && grade ? Number(grade) : undefined,
        title,
        body,
      },
      {
        onSuccess: (a) => {
          notifySuccess(t('notices.published', { n: a.recipients }));
          setTitle('');
          setBody('');
        },
      },
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
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {leads && (
          <SegmentedControl
            value={audience}
            onChange={(v) => setAudience(v as Audience)}
            aria-label={t('notices.audience')}
            data={[
              { value: 'class', label: t('notices.to.class') },
              { value: 'grade', label: t('notices.to.grade') },
              { value: 'school', label: t('notices.to.school') },
            ]}
          />
        )}
        {audience === 'class' && (
          <Select
            label={t('notices.class')}
            data={classList.map((c) => ({ value: String(c.id), label: c.label }))}
            value={classId}
            onChange={setClassId}
            error={fields.classId}
            required
          />
        )}
        {audience === 'grade' && (
          <Select
            label={t('notices.grade')}
            data={grades.map((g) => ({ value: String(g), label: t('notices.gradeLabel', { grade: g }) }))}
            value={grade}
            onChange={setGrade}
            error={fields.grade}
            required
          />
        )}
        <TextInput label={t('notices.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fields.title} maxLength={200} required />
        <Textarea label={t('notices.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fields.body} autosize minRows={4} maxLength={5000} required />
        <Text size="xs" c="dimmed">
          {t('notices.composeHint')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('notices.publish')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Announcements to families with read receipts: write one, see who read each. */
export function AnnouncementsRoute() {
  const { t } = useTranslation();
  const schoolId = useNumberParam('schoolId');
  const membership = membershipIn(useSignedInMe(), schoolId);
  const list = useAnnouncements(schoolId);
  const [open, setOpen] = useState<TAnnouncement | null>(null);
  const leads = !!membership?.roles.some((r) => r === 'head' || r === 'admin');
  return (
    <>
      <PageHeader title={t('notices.title')} description={t('notices.subtitle')} />
      <Stack gap={36}>
        <Section title={t('notices.compose')}>
          <ComposeForm schoolId={schoolId} leads={leads} classIds={membership?.classIds ?? []} />
        </Section>
        <Section title={t('notices.sent')}>
          <QueryStatus query={list}>
            {(items) =>
              items.length ? (
                <DataTable
                  caption={t('notices.sent')}
                  minWidth={720}
                  rows={items}
                  rowKey={(a) => a.id}
                  columns={[
                    { key: 'date', header: t('notices.date'), cell: (a) => formatMoment(a.createdAt) },
                    {
                      key: 'title',
                      header: t('notices.titleField'),
                      cell: (a) => (
                        <Anchor component="button" type="button" onClick={() => setOpen(a)} ta="left">
                          {a.title}
                        </Anchor>
                      ),
                    },
                    { key: 'to', header: t('notices.audience'), cell: (a) => audienceText(t, a.audience, a.classLabel ?? String(a.grade ?? '')) },
                    { key: 'author', header: t('notices.author'), cell: (a) => a.author },
                    {
                      key: 'read',
                      header: t('notices.read'),
                      numeric: true,
                      cell: (a) => t('notices.readOf', { read: a.read, total: a.recipients, pct: Math.round(a.share * 100) }),
                    },
                  ]}
                />
              ) : (
                <EmptyNote>{t('notices.noneSent')}</EmptyNote>
              )
            }
          </QueryStatus>
        </Section>
      </Stack>
      {open && <ReceiptsModal schoolId={schoolId} announcement={open} onClose={() => setOpen(null)} />}
    </>
  );
}
