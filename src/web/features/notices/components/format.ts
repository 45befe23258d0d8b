import type { TFunction } from 'i18next';
import { intlLocale } from '../../../lib/i18n/index.js';

/** To whom an announcement went: "5-А", "5 класи", "Уся школа". */
export function audienceText(t: TFunction, audience: 'school' | 'grade' | 'class', label: string): string {
  if (audience === 'school') return t('notices.to.school');
  if (audience === 'grade') return t('notices.gradeLabel', { grade: label });
  return label;
}

/** A moment as the reader's local date and time, e.g. 28.11.2026, 14:05. */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
