import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDiaryWeek } from '../../../../shared/api/diary.js';
import { AttachmentLinks } from '../../attachments/components/AttachmentLinks.js';
import { daysOfWeek } from './week.js';

/** One card per school day: lessons with topic, homework, the mark or the absence. */
export function DiaryWeek({ week }: { week: TDiaryWeek }) {
  const { t, i18n } = useTranslation();
  const dayName = (date: string) => {
    const text = new Date(`${date}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'uk-UA', { weekday: 'long', day: 'numeric', month: 'long' });
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return (
    <Stack gap="sm">
      {daysOfWeek(week.weekStart, week.lessons).map((day) => (
        <Card key={day.date} withBorder padding="sm" radius="md" bg={day.date === week.today ? 'blue.0' : undefined}>
          <Text fw={600} mb={4}>
            {dayName(day.date)}
          </Text>
          {day.lessons.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('diaryView.noLessons')}
            </Text>
          ) : (
            <Stack gap={6}>
              {day.lessons.map((l) => (
                <Group key={l.lessonId} data-lesson={l.lessonId} justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" fw={500} td={l.cancelled ? 'line-through' : undefined}>
                      {l.period}. {l.subjectName}
                      {l.remote ? ` · ${t('diaryView.remote')}` : ''}
                    </Text>
                    {l.topic && (
                      <Text size="sm" c="dimmed">
                        {l.topic}
                      </Text>
                    )}
                    {l.homework && (
                      <Text size="sm">
                        {t('diaryView.homework')}: {l.homework}
                      </Text>
                    )}
                    <AttachmentLinks files={l.attachments} />
                  </div>
                  {/* the marks keep their width: a long topic wraps instead of squeezing a mark to a dot */}
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {l.absent && (
                      <Badge color="red" variant="light" title={t('diaryView.absent')}>
                        н
                      </Badge>
                    )}
                    {l.mark && (
                      <Badge size="lg" variant="filled" aria-label={`${t('diaryView.mark')} ${l.mark}`}>
                        {l.mark}
                      </Badge>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
