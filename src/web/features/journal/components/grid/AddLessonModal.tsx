import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../lib/notify.js';
import { journalErrorText } from '../../api/entries.js';
import { useAddLesson } from '../../api/lessons.js';

interface AddLessonModalProps {
  schoolId: number;
  pageId: number;
  today: string;
  opened: boolean;
  onClose: () => void;
}

/** Adds an extra lesson (not in the timetable): date, period, topic, remote. */
export function AddLessonModal({ schoolId, pageId, today, opened, onClose }: AddLessonModalProps) {
  const { t } = useTranslation();
  const add = useAddLesson(schoolId, pageId);
  const [form, setForm] = useState({ date: today, period: 1, topic: '', remote: false });
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(form, {
      onSuccess: () => {
        notifySuccess(t('journal.lesson.added'));
        setForm({ date: today, period: 1, topic: '', remote: false });
        close();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('journal.lesson.addTitle')} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('journal.lesson.date')}
              value={form.date}
              onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
              required
              data-autofocus
            />
            <NumberInput
              label={t('journal.lesson.period')}
              value={form.period}
              onChange={(v) => setForm({ ...form, period: typeof v === 'number' ? v : 1 })}
              min={0}
              max={10}
            />
          </Group>
          <Textarea
            label={t('journal.lesson.topic')}
            value={form.topic}
            onChange={(e) => setForm({ ...form, topic: e.currentTarget.value })}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Switch label={t('journal.lesson.remote')} checked={form.remote} onChange={(e) => setForm({ ...form, remote: e.currentTarget.checked })} />
          {add.error && (
            <Alert color="red" variant="light" p="xs">
              <Text size="sm">{journalErrorText(add.error)}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('journal.lesson.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
