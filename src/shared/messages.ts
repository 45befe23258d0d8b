import type { Lang } from './errors.js';

/**
 * Messages for field-level problems that the zod schemas name by key
 * (e.g. `z.string().min(1, 'required')`), in both languages.
 */
export const FIELD_MESSAGES: Record<string, Record<Lang, string>> = {
  required: { uk: 'Заповніть це поле.', en: 'This field is required.' },
  invalid_date: { uk: 'Неправильна дата.', en: 'Invalid date.' },
  invalid_email: { uk: 'Неправильна адреса ел. пошти.', en: 'Invalid e-mail address.' },
  invalid_phone: { uk: 'Неправильний номер телефону.', en: 'Invalid phone number.' },
  invalid_class_letter: { uk: 'Літера класу: одна велика українська літера.', en: 'Class letter: one capital Ukrainian letter.' },
  invalid_login: { uk: 'Логін: латинські літери, цифри, крапка, дефіс.', en: 'Login: Latin letters, digits, dot, hyphen.' },
  invalid_time: { uk: 'Час у форматі ГГ:ХХ, наприклад 21:00.', en: 'Time as HH:MM, e.g. 21:00.' },
};
