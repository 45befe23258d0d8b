import { Alert, Button, Checkbox, Divider, Drawer, Group, NumberInput, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TJournalPage, TLesson, TLessonPatch } from '../../../../../shared/api/journal.js';
import { LessonAttachments } from '../../../attachments/components/LessonAttachments.js';
import { formatDate } from '../../../../lib/format.js';
import { notifySuccess } from '../../../../lib/notify.js';
import { JournalApiError, journalErrorText } from '../../api/entries.js';
import { usePatchLesson } from '../../api/lessons.js';
import { HistoryList } from './HistoryList.js';
import { ParallelHomework } from './ParallelHomework.js';

interface LessonDrawerProps {
  schoolId: number;
  page: TJournalPage['page'];
  lesson: TLesson | null;
  onClose: () => void;
}

/** The lesson panel: date, topic, homework, remote, attendance taken, cancelling, and the lesson's history. */
export function LessonDrawer({ schoolId, page, lesson, onClose }: LessonDrawerProps) {
  const { t } = useTranslation();
  // kept here, so a conflict's message outlives the form that starts afresh on the new version
  const patch = usePatchLesson(schoolId, page.id);
  return (
    <Drawer
      opened={lesson !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={lesson ? <Title order={3} fz="lg">{t('journal.lesson.title', { date: formatDate(lesson.date) })}</Title> : null}
    >
      {/* a new version (saved here or elsewhere) starts the form afresh */}
      {lesson && <LessonForm key={`${lesson.id}:${lesson.version}`} schoolId={schoolId} page={page} lesson={lesson} patch={patch} onDone={onClose} />}
    </Drawer>
  );
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

interface LessonFormProps {
  schoolId: number;
  page: TJournalPage['page'];
  lesson: TLesson;
  patch: ReturnType<typeof usePatchLesson>;
  onDone: () => void;
}

function LessonForm({ schoolId, page, lesson, patch, onDone }: LessonFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    date: lesson.date,
    period: lesson.period,
    topic: lesson.topic,
    homework: lesson.homework,
    remote: lesson.remote,
    attendanceTaken: lesson.attendanceTaken,
  });
  const [reason, setReason] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const substitute = !page.canWrite && page.substituteLessonIds.includes(lesson.id);
  const writable = page.yearStatus === 'open' && (page.canWrite || substitute);
  const late = daysBetween(lesson.date, page.today) > page.lateEditDays;
  const conflict = patch.error instanceof JournalApiError && patch.error.code === 'conflict';

  const changed = (Object.keys(form) as Array<keyof typeof form>).filter((k) => form[k] !== lesson[k]);
  const send = (body: Omit<TLessonPatch, 'version' | 'reason'>, message: string) =>
    patch.mutate(
      { lessonId: lesson.id, patch: { ...body, version: lesson.version, reason: late ? reason.trim() : '' } },
      {
        onSuccess: () => {
          notifySuccess(message);
          patch.reset();
          onDone();
        },
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed.length === 0) return onDone();
    send(Object.fromEntries(changed.map((k) => [k, form[k]])), t('journal.lesson.saved'));
  };
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const needsReason = late && writable && !reason.trim();

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {substitute && (
          <Alert color="teal" variant="light" p="xs">
            <Text size="sm">{t('journal.lesson.substituteNote')}</Text>
          </Alert>
        )}
        {lesson.cancelled && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{t('journal.grid.cancelled')}</Text>
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('journal.lesson.date')}
            value={form.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            disabled={!writable || substitute}
            required
          />
          <NumberInput
            label={t('journal.lesson.period')}
            value={form.period}
            onChange={(v) => set('period', typeof v === 'number' ? v : lesson.period)}
            min={0}
            max={10}
            disabled={!writable || substitute}
          />
        </Group>
        <Textarea
          label={t('journal.lesson.topic')}
          value={form.topic}
          onChange={(e) => set('topic', e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={500}
          disabled={!writable}
          data-autofocus
        />
        {page.grade > 1 && (
          <Textarea
            label={page.grade === 2 ? t('journal.lesson.homeworkOptional') : t('journal.lesson.homework')}
            value={form.homework}
            onChange={(e) => set('homework', e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            disabled={!writable}
          />
        )}
        {page.grade > 1 && page.canWrite && writable && !lesson.cancelled && (
          <ParallelHomework schoolId={schoolId} pageId={page.id} lesson={lesson} homework={form.homework} reason={late ? reason.trim() : ''} />
        )}
        {page.grade > 1 && <LessonAttachments schoolId={schoolId} pageId={page.id} lessonId={lesson.id} late={late} lateEditDays={page.lateEditDays} />}
        <Switch label={t('journal.lesson.remote')} checked={form.remote} onChange={(e) => set('remote', e.currentTarget.checked)} disabled={!writable} />
        <Checkbox
          label={t('journal.lesson.attendance')}
          description={t('journal.lesson.attendanceHint')}
          checked={form.attendanceTaken}
          onChange={(e) => set('attendanceTaken', e.currentTarget.checked)}
          disabled={!writable}
        />
        {late && writable && (
          <Textarea
            label={t('journal.lesson.reason', { days: page.lateEditDays })}
            placeholder={t('journal.reason.placeholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            required
          />
        )}
        {patch.error && (
          <Alert color={conflict ? 'orange' : 'red'} variant="light" p="xs">
            <Text size="sm">{conflict ? t('journal.lesson.conflict') : journalErrorText(patch.error)}</Text>
          </Alert>
        )}
        {writable && (
          <Group justify="space-between" mt="xs">
            {page.canWrite ? (
              <Button variant="subtle" color={lesson.cancelled ? 'blue' : 'red'} onClick={() => (lesson.cancelled ? send({ cancelled: false }, t('journal.lesson.saved')) : setConfirmCancel(true))} disabled={needsReason}>
                {lesson.cancelled ? t('journal.lesson.restore') : t('journal.lesson.cancel')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={patch.isPending} disabled={changed.length > 0 && needsReason}>
              {t('journal.lesson.save')}
            </Button>
          </Group>
        )}
        {confirmCancel && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm" mb="xs">
              {t('journal.lesson.cancelConfirm', { date: formatDate(lesson.date) })}
            </Text>
            <Group gap="xs">
              <Button size="xs" color="red" onClick={() => send({ cancelled: true }, t('journal.lesson.cancelled'))} loading={patch.isPending}>
                {t('journal.lesson.cancel')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirmCancel(false)}>
                {t('journal.lesson.keep')}
              </Button>
            </Group>
          </Alert>
        )}
        <Divider my="xs" />
        <Text size="sm" fw={600}>
          {t('journal.lesson.history')}
        </Text>
        <HistoryList schoolId={schoolId} pageId={page.id} filter={{ lessonId: lesson.id }} lessonOnly />
      </Stack>
    </form>
  );
}
