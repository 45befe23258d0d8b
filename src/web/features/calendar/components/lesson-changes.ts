import type { TFunction } from 'i18next';
import type { TLessonChanges } from '../../../../shared/api/calendar.js';

/** "Збережено. Уроки в журналах: додано 3, прибрано 2, залишено з позначкою 1." */
export function lessonChangesText(t: TFunction, l: TLessonChanges): string {
  return l.added + l.removed + l.flagged > 0 ? t('calendar.savedWithLessons', { ...l }) : t('calendar.saved');
}
