import { formatMessage, type Lang } from '../../../shared/errors.js';
import { AppError } from '../../http/errors.js';

/** Field and movement problems the console's services find, in both languages. */
const MESSAGES: Record<string, Record<Lang, string>> = {
  date_outside_year: { uk: 'Дата поза навчальним роком ({from} - {to}).', en: 'The date is outside the school year ({from} - {to}).' },
  no_such_teacher: { uk: 'Такого працівника немає серед активних.', en: 'There is no such active staff member.' },
  not_enrolled: { uk: 'Учень не навчається в школі на цю дату.', en: 'The pupil is not enrolled on this date.' },
  already_enrolled: { uk: 'Учень уже навчається в класі {label} на цю дату.', en: 'The pupil is already in class {label} on this date.' },
  same_class: { uk: 'Учень уже в цьому класі.', en: 'The pupil is already in this class.' },
  before_arrival: { uk: 'Дата раніша за дату зарахування ({date}).', en: 'The date is before the arrival date ({date}).' },
  later_stay: { uk: 'Учень має пізніше зарахування ({date}): спершу виправте його.', en: 'The pupil has a later enrollment ({date}): fix it first.' },
  other_year: { uk: 'Клас належить до іншого навчального року.', en: 'The class belongs to another school year.' },
};

export function adminMessage(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return formatMessage(MESSAGES[key]?.[lang] ?? key, params);
}

/** A 400 naming one field, with its message in the request's language. */
export function fieldError(lang: Lang, path: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation', {}, { fields: [{ path, message: adminMessage(lang, key, params) }] });
}

/** A refused movement (409) with the reason in the request's language. */
export function movementRefused(lang: Lang, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('movement_refused', { reason: adminMessage(lang, key, params) }, { reason: key });
}
