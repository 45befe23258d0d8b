/** Stable error codes of the API, their HTTP status and their message in each language. */
export const ERRORS = {
  unauthenticated: { status: 401, uk: 'Увійдіть до системи.', en: 'Please sign in.' },
  forbidden: { status: 403, uk: 'У вас немає доступу до цієї дії.', en: 'You do not have access to this action.' },
  csrf: {
    status: 403,
    uk: 'Сторінка застаріла. Оновіть її та спробуйте ще раз.',
    en: 'The page is out of date. Reload it and try again.',
  },
  not_found: { status: 404, uk: 'Не знайдено.', en: 'Not found.' },
  validation: { status: 400, uk: 'Перевірте введені дані.', en: 'Please check the data you entered.' },
  bad_credentials: { status: 401, uk: 'Неправильний логін або пароль.', en: 'Wrong login or password.' },
  account_locked: {
    status: 429,
    uk: 'Забагато невдалих спроб. Спробуйте знову за {minutes} хв.',
    en: 'Too many failed attempts. Try again in {minutes} min.',
  },
  rate_limited: { status: 429, uk: 'Забагато запитів. Зачекайте трохи.', en: 'Too many requests. Please wait a little.' },
  wrong_password: { status: 400, uk: 'Поточний пароль неправильний.', en: 'The current password is wrong.' },
  weak_password: {
    status: 400,
    uk: 'Новий пароль має містити щонайменше 10 символів.',
    en: 'The new password must be at least 10 characters long.',
  },
  conflict: {
    status: 409,
    uk: 'Цей запис щойно змінив інший користувач. Перегляньте поточне значення.',
    en: 'Someone else has just changed this entry. Please review the current value.',
  },
  year_closed: {
    status: 409,
    uk: 'Навчальний рік закрито: зміни неможливі.',
    en: 'The school year is closed: no changes are possible.',
  },
  internal: {
    status: 500,
    uk: 'Сталася помилка на сервері. Спробуйте пізніше.',
    en: 'Something went wrong on the server. Please try again later.',
  },
} as const satisfies Record<string, { status: number; uk: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS | (string & {});

export type Lang = 'uk' | 'en';

export interface TErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Fills {name} placeholders of a message. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
