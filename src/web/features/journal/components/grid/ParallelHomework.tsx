import { Alert, Button, Checkbox, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLesson } from '../../../../../shared/api/journal.js';
import { formatDate } from '../../../../lib/format.js';
import { notifySuccess } from '../../../../lib/notify.js';
import { journalErrorText } from '../../api/entries.js';
import { useParallelHomework, useParallels } from '../../api/parallels.js';

interface ParallelHomeworkProps {
  schoolId: number;
  pageId: number;
  lesson: TLesson;
  /** the homework typed in the lesson panel now */
  homework: string;
  /** the reason an old lesson needs, as typed in the panel */
  reason: string;
}

/** «Те саме для паралелі»: the lesson's homework for the same day's lessons in parallel classes, in one save. */
export function ParallelHomework({ schoolId, pageId, lesson, homework, reason }: ParallelHomeworkProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [unchecked, setUnchecked] = useState<Set<number>>(new Set());
  const list = useParallels(schoolId, pageId, lesson.id, open);
  const save = useParallelHomework(schoolId, pageId, lesson.id);
  if (!open) {
    return (
      <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('timesavers.parallelButton')}
      </Button>
    );
  }
  const lessons = list.data ?? [];
  const chosen = lessons.filter((l) => !unchecked.has(l.lessonId));
  const toggle = (id: number) =>
    setUnchecked((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const apply = () =>
    save.mutate(
      { homework, reason, lessons: chosen.map((l) => ({ lessonId: l.lessonId, version: l.version })) },
      {
        onSuccess: () => {
          notifySuccess(t('timesavers.parallelDone', { classes: chosen.map((l) => l.classLabel + (l.groupName ? ` (${l.groupName})` : '')).join(', ') }));
          save.reset();
        },
      },
    );
  return (
    <Paper withBorder p="xs" radius="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('timesavers.parallelButton')}
        </Text>
        {list.isPending ? (
          <Loader size="xs" />
        ) : lessons.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('timesavers.parallelNone')}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('timesavers.parallelIntro', { date: formatDate(lesson.date) })}</Text>
            {lessons.map((l) => (
              <Checkbox
                key={l.lessonId}
                checked={!unchecked.has(l.lessonId)}
                onChange={() => toggle(l.lessonId)}
                label={t('timesavers.parallelLesson', { classLabel: l.classLabel + (l.groupName ? ` (${l.groupName})` : ''), period: l.period })}
                description={l.homework ? t('timesavers.parallelHas', { homework: l.homework }) : undefined}
              />
            ))}
            {!homework.trim() && (
              <Text size="xs" c="dimmed">
                {t('timesavers.parallelNeedsHomework')}
              </Text>
            )}
            {save.error && (
              <Alert color="red" variant="light" p="xs">
                <Text size="sm">{journalErrorText(save.error)}</Text>
              </Alert>
            )}
            <Button size="compact-sm" onClick={apply} loading={save.isPending} disabled={!homework.trim() || chosen.length === 0} style={{ alignSelf: 'flex-start' }}>
              {t('timesavers.parallelApply')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
