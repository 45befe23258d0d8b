import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Loader, Paper, Progress, Stack, Text, TextInput } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify.js';
import { useAttachmentChanges, useLessonAttachments } from '../api/lesson-attachments.js';
import { formatSize } from '../format.js';
import { PaperclipIcon } from './PaperclipIcon.js';

interface LessonAttachmentsProps {
  schoolId: number;
  pageId: number;
  lessonId: number;
  /** the lesson is older than the late-edit window: a change needs a reason */
  late: boolean;
  lateEditDays: number;
}

/** The homework files of a lesson in its panel: the list, and for its teacher adding (button or drop) and removing. */
export function LessonAttachments({ schoolId, pageId, lessonId, late, lateEditDays }: LessonAttachmentsProps) {
  const { t } = useTranslation();
  const files = useLessonAttachments(schoolId, pageId, lessonId);
  const { upload, remove } = useAttachmentChanges(schoolId, pageId, lessonId);
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const [reason, setReason] = useState('');
  const [dragging, setDragging] = useState(false);
  const units = t('attachments.units', { returnObjects: true });
  const data = files.data;
  const needsReason = late && !reason.trim();

  const send = (file: File | null) => {
    if (!file || !data?.canWrite || needsReason) return;
    remove.reset();
    setProgress({ name: file.name, share: 0 });
    upload.mutate(
      { file, reason: late ? reason.trim() : '', onProgress: (share) => setProgress({ name: file.name, share }) },
      {
        onSuccess: (saved) => notifySuccess(t('attachments.uploaded', { name: saved.name })),
        onSettled: () => setProgress(null),
      },
    );
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    send(e.dataTransfer.files[0] ?? null);
  };
  const error = upload.error ?? remove.error;

  return (
    <Stack gap={6} data-testid="lesson-attachments">
      <Text size="sm" fw={500}>
        {t('attachments.title')}
      </Text>
      {files.isPending && <Loader size="xs" />}
      {data && data.attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      )}
      {data?.attachments.map((a) => (
        <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
          <Anchor href={a.url} target="_blank" rel="noopener" size="sm" title={t('attachments.open', { name: a.name })} style={{ minWidth: 0 }}>
            <Group gap={4} wrap="nowrap" component="span">
              <PaperclipIcon />
              <Text span size="sm" truncate>
                {a.name}
              </Text>
            </Group>
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {formatSize(a.size, units)}
            </Text>
            {data.canWrite && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('attachments.removeTitle', { name: a.name })}
                title={t('attachments.removeTitle', { name: a.name })}
                disabled={needsReason}
                loading={remove.isPending && remove.variables?.attachmentId === a.id}
                onClick={() =>
                  remove.mutate({ attachmentId: a.id, reason: late ? reason.trim() : '' }, { onSuccess: () => notifySuccess(t('attachments.removed', { name: a.name })) })
                }
              >
                ×
              </ActionIcon>
            )}
          </Group>
        </Group>
      ))}
      {data?.canWrite && (
        <>
          {late && <TextInput size="xs" label={t('attachments.reason', { days: lateEditDays })} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />}
          <Paper
            withBorder
            p="xs"
            radius="sm"
            style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <Group gap="xs">
              <Text size="sm">{t('attachments.drop')}</Text>
              <FileButton onChange={send} accept={data.allowedExtensions.map((x) => `.${x}`).join(',')} disabled={upload.isPending || needsReason}>
                {(props) => (
                  <Button {...props} size="xs" variant="light" leftSection={<PaperclipIcon />} disabled={upload.isPending || needsReason}>
                    {t('attachments.choose')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('attachments.hint', { limit: formatSize(data.maxBytes, units), types: data.allowedExtensions.map((x) => x.toUpperCase()).join(', ') })}
            </Text>
            {late && needsReason && (
              <Text size="xs" c="orange.8" mt={4}>
                {t('attachments.reasonNeeded')}
              </Text>
            )}
          </Paper>
        </>
      )}
      {progress && (
        <Stack gap={2}>
          <Text size="xs">{t('attachments.uploading', { name: progress.name })}</Text>
          <Progress value={Math.round(progress.share * 100)} size="sm" animated />
        </Stack>
      )}
      {error && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{error.message}</Text>
        </Alert>
      )}
    </Stack>
  );
}
