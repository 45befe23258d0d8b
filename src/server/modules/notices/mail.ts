import type { Lang } from '../../../shared/errors.js';

export type NotificationKind = 'mark' | 'absence' | 'announcement';

/** One change from the journal that a parent hears about. */
export interface JournalNews {
  kind: 'mark' | 'absence';
  subject: string;
  /** lesson date (ISO), or null for a summary column */
  date: string | null;
  /** the summary column's title (Тематична, І семестр...), for a summary mark */
  column: string | null;
  value: string;
}

const shortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

/** The line a parent reads about one journal change, in their language. */
export function newsLine(n: JournalNews, lang: Lang): string {
  const where = n.date ? `${n.subject}, ${shortDate(n.date)}` : `${n.subject}, ${n.column ?? ''}`.replace(/, $/, '');
  if (n.kind === 'absence') return lang === 'en' ? `${where}: absent` : `${where}: відсутність (н)`;
  return lang === 'en' ? `${where}: mark ${n.value}` : `${where}: оцінка ${n.value}`;
}

export function announcementLine(title: string, lang: Lang): string {
  return lang === 'en' ? `Announcement: ${title}` : `Оголошення: ${title}`;
}

const SETTINGS_HINT = {
  uk: 'Як і коли надходять повідомлення, можна змінити в щоденнику «Класний»: розділ «Повідомлення».',
  en: 'You can change how and when notifications arrive in the Klasnyi diary: “Notifications”.',
};

/** An e-mail with news about one pupil: at once (one or a few lines) or the daily digest. */
export function newsEmail(x: { lang: Lang; pupilName: string; lines: string[]; digestDate?: string }): { subject: string; text: string } {
  const { lang, pupilName, lines } = x;
  const subject = x.digestDate
    ? lang === 'en'
      ? `${pupilName}: the day in the diary, ${x.digestDate}`
      : `${pupilName}: підсумок дня в щоденнику, ${x.digestDate}`
    : lines.length === 1
      ? `${pupilName}: ${lines[0]}`
      : lang === 'en'
        ? `${pupilName}: ${lines.length} new entries in the diary`
        : `${pupilName}: нових записів у щоденнику — ${lines.length}`;
  const hello = lang === 'en' ? 'Hello!' : 'Доброго дня!';
  const intro = x.digestDate
    ? lang === 'en'
      ? `What the diary of ${pupilName} got since the last digest:`
      : `Що з’явилося в щоденнику (${pupilName}) від попереднього підсумку:`
    : lang === 'en'
      ? `New in the diary of ${pupilName}:`
      : `Нове в щоденнику (${pupilName}):`;
  const text = [hello, '', intro, '', ...lines.map((l) => `• ${l}`), '', SETTINGS_HINT[lang], '', 'Klasnyi'].join('\n');
  return { subject, text };
}

/** An announcement by e-mail, with its whole text. */
export function announcementEmail(x: { lang: Lang; schoolName: string; title: string; body: string; author: string }): { subject: string; text: string } {
  const subject = `${x.schoolName}: ${x.title}`;
  const from = x.lang === 'en' ? `From: ${x.author}` : `Від: ${x.author}`;
  const text = [x.title, '', x.body, '', from, '', SETTINGS_HINT[x.lang], '', 'Klasnyi'].join('\n');
  return { subject, text };
}
