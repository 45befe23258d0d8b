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
  password_reused: {
    status: 400,
    uk: 'Новий пароль має відрізнятися від поточного.',
    en: 'The new password must differ from the current one.',
  },
  password_is_login: { status: 400, uk: 'Пароль не може збігатися з логіном.', en: 'The password must not be the same as the login.' },
  password_change_required: {
    status: 403,
    uk: 'Спершу змініть одноразовий пароль на власний.',
    en: 'Please replace your one-time password with your own first.',
  },
  no_such_year: { status: 404, uk: 'Такого навчального року в закладі немає.', en: 'The school has no such school year.' },
  notice_unchanged: {
    status: 409,
    uk: 'Текст не змінився порівняно з чинною версією: публікувати нічого.',
    en: 'The text is the same as the version in force: there is nothing to publish.',
  },
  conflict: {
    status: 409,
    uk: 'Цей запис щойно змінив інший користувач. Перегляньте поточне значення.',
    en: 'Someone else has just changed this entry. Please review the current value.',
  },
  invalid_entries: {
    status: 400,
    uk: 'Деякі записи не збережено: {count}. Нічого не змінено.',
    en: 'Some entries were refused: {count}. Nothing was changed.',
  },
  year_closed: {
    status: 409,
    uk: 'Навчальний рік закрито: зміни неможливі.',
    en: 'The school year is closed: no changes are possible.',
  },
  login_taken: { status: 409, uk: 'Логін {login} уже зайнятий.', en: 'The login {login} is already taken.' },
  class_exists: { status: 409, uk: 'Клас {label} уже є в цьому навчальному році.', en: 'Class {label} already exists this school year.' },
  no_open_year: { status: 409, uk: 'У школі немає відкритого навчального року.', en: 'The school has no open school year.' },
  semester_not_found: { status: 404, uk: 'У навчальному році немає {number}-го семестру.', en: 'The school year has no semester {number}.' },
  self_lockout: {
    status: 409,
    uk: 'Не можна вимкнути себе або зняти з себе роль адміністратора.',
    en: 'You cannot deactivate yourself or remove your own administrator role.',
  },
  movement_refused: { status: 409, uk: '{reason}', en: '{reason}' },
  import_problems: {
    status: 400,
    uk: 'У файлі є помилки в рядках: {count}. Нічого не записано.',
    en: 'The file has problems in {count} rows. Nothing was written.',
  },
  unreadable_file: {
    status: 400,
    uk: 'Не вдалося прочитати файл. Збережіть його як XLSX або CSV і спробуйте ще раз.',
    en: 'The file could not be read. Save it as XLSX or CSV and try again.',
  },
  old_excel_file: {
    status: 400,
    uk: 'Це файл старого формату Excel (XLS). Збережіть його як XLSX або CSV.',
    en: 'This is an old Excel (XLS) file. Save it as XLSX or CSV.',
  },
  empty_file: { status: 400, uk: 'У файлі немає жодного рядка з даними.', en: 'The file has no data rows.' },
  too_many_rows: { status: 400, uk: 'У файлі забагато рядків (понад {max}).', en: 'The file has too many rows (over {max}).' },
  missing_columns: {
    status: 400,
    uk: 'У файлі не знайдено обовʼязкових стовпців: {columns}.',
    en: 'The file lacks required columns: {columns}.',
  },
  import_committed: { status: 409, uk: 'Цей файл уже імпортовано.', en: 'This file has already been imported.' },
  // curriculum, timetable, calendar
  timetable_teacher_busy: {
    status: 409,
    uk: 'Учитель {teacher} у цей час уже має урок: {lesson}.',
    en: 'Teacher {teacher} already has a lesson at this time: {lesson}.',
  },
  timetable_room_busy: {
    status: 409,
    uk: 'Кабінет {room} у цей час зайнятий: {lesson}.',
    en: 'Room {room} is taken at this time: {lesson}.',
  },
  timetable_class_busy: {
    status: 409,
    uk: 'Клас {class} у цей час уже має урок: {lesson}.',
    en: 'Class {class} already has a lesson at this time: {lesson}.',
  },
  timetable_groups_overlap: {
    status: 409,
    uk: 'Групи мають спільних учнів, тож не можуть навчатися одночасно: {lesson}.',
    en: 'The groups share pupils, so they cannot have lessons at the same time: {lesson}.',
  },
  timetable_past_date: {
    status: 400,
    uk: 'Зміни розкладу діють від сьогодні ({today}) або пізніше: минулі уроки не змінюються.',
    en: 'Timetable changes take effect from today ({today}) or later: past lessons do not change.',
  },
  timetable_entry_ended: {
    status: 400,
    uk: 'Цей урок у розкладі закінчився {validTo}: змінювати його від {from} нічого.',
    en: 'This timetable lesson ended on {validTo}: there is nothing to change from {from}.',
  },
  outside_year: {
    status: 400,
    uk: 'Дата {date} поза навчальним роком ({startsOn} – {endsOn}).',
    en: 'The date {date} is outside the school year ({startsOn} – {endsOn}).',
  },
  date_order: { status: 400, uk: 'Дата завершення раніша за дату початку.', en: 'The end date is before the start date.' },
  semesters_invalid: {
    status: 400,
    uk: 'Семестри мають бути в межах навчального року, іти по черзі й не перетинатися.',
    en: 'Semesters must lie within the school year, in order, without overlapping.',
  },
  city_day_off_exists: { status: 409, uk: 'День {day} уже оголошено вихідним.', en: 'The day {day} is already declared off.' },
  subject_exists: { status: 409, uk: 'Предмет «{name}» уже є.', en: 'The subject "{name}" already exists.' },
  subject_in_use: {
    status: 409,
    uk: 'Предмет використовується в навчальному плані або в журналах: його не можна видалити.',
    en: 'The subject is used by the curriculum or by journals, so it cannot be deleted.',
  },
  group_exists: { status: 409, uk: 'Група «{name}» у цьому класі вже є.', en: 'The class already has a group "{name}".' },
  group_in_use: {
    status: 409,
    uk: 'Група має сторінки журналу: спершу видаліть їх.',
    en: 'The group has journal pages: delete them first.',
  },
  pupils_not_in_class: {
    status: 400,
    uk: 'Учні не навчаються в цьому класі: {count}.',
    en: 'Pupils not in this class: {count}.',
  },
  page_exists: {
    status: 409,
    uk: 'Для цього класу (групи) уже є сторінка з предмета «{subject}».',
    en: 'This class (group) already has a page for "{subject}".',
  },
  page_in_use: {
    status: 409,
    uk: 'Сторінка вже має записи в журналі: її не можна видалити. Можна змінити вчителя.',
    en: 'The page already has journal entries, so it cannot be deleted. You can change its teacher.',
  },
  group_not_in_class: { status: 400, uk: 'Група належить іншому класу.', en: 'The group belongs to another class.' },
  not_a_teacher: {
    status: 400,
    uk: 'Цей працівник не є активним учителем школи.',
    en: 'This staff member is not an active teacher of the school.',
  },
  unknown_scale: { status: 400, uk: 'Невідома шкала оцінювання.', en: 'Unknown assessment scale.' },
  // consent, invitations, announcements
  invalid_scan: {
    status: 400,
    uk: 'Скан має бути файлом PDF, JPEG або PNG розміром до 4 МБ.',
    en: 'The scan must be a PDF, JPEG or PNG file of 4 MB at most.',
  },
  scan_required: {
    status: 400,
    uk: 'Для паперової згоди додайте скан підписаного бланка.',
    en: 'A paper consent needs the scan of the signed form.',
  },
  future_date: { status: 400, uk: 'Дата не може бути пізнішою за сьогодні.', en: 'The date cannot be later than today.' },
  nothing_to_withdraw: {
    status: 409,
    uk: 'Ця особа не надавала згоди, тож відкликати нічого.',
    en: 'This person has not given consent, so there is nothing to withdraw.',
  },
  notice_outdated: {
    status: 409,
    uk: 'Текст повідомлення оновлено. Прочитайте нову версію і підтвердьте ще раз.',
    en: 'The notice has been updated. Please read the new version and confirm again.',
  },
  consent_required: {
    status: 409,
    uk: 'Спершу потрібна згода батьків на обробку персональних даних.',
    en: 'A parent’s consent to process personal data is needed first.',
  },
  invitation_invalid: {
    status: 404,
    uk: 'Такого коду немає. Перевірте, чи правильно його введено, або зверніться до класного керівника.',
    en: 'There is no such code. Check that it is typed correctly or ask the class teacher.',
  },
  invitation_used: {
    status: 410,
    uk: 'Цей код уже використано. Увійдіть зі своїм логіном або попросіть новий код у класного керівника.',
    en: 'This code has already been used. Sign in with your login or ask the class teacher for a new code.',
  },
  invitation_expired: {
    status: 410,
    uk: 'Строк дії коду минув. Попросіть новий код у класного керівника.',
    en: 'This code has expired. Ask the class teacher for a new one.',
  },
  remark_deadline: {
    status: 400,
    uk: 'Термін усунення не може бути раніше дати перевірки.',
    en: 'The deadline cannot be earlier than the date of the check.',
  },
  remark_future_check: { status: 400, uk: 'Дата перевірки ще не настала.', en: 'The date of the check is in the future.' },
  remark_status: {
    status: 409,
    uk: 'Зауваження вже в іншому стані. Оновіть сторінку.',
    en: 'The remark is already in another state. Reload the page.',
  },
  internal: {
    status: 500,
    uk: 'Сталася помилка на сервері. Спробуйте пізніше.',
    en: 'Something went wrong on the server. Please try again later.',
  },
  year_incomplete: {
    status: 409,
    uk: 'Журнали року заповнено не повністю ({count}). Заповніть їх або вкажіть причину закриття.',
    en: 'The year’s journals are incomplete ({count}). Complete them or give a reason for closing.',
  },
  year_not_closed: { status: 409, uk: 'Навчальний рік ще не закрито.', en: 'The school year is not closed yet.' },
  already_promoted: {
    status: 409,
    uk: 'Учнів цього року вже переведено до наступного.',
    en: 'The pupils of this year have already been promoted.',
  },
  archive_busy: { status: 409, uk: 'Архів цього року вже формується.', en: 'The archive of this year is being built already.' },
  archive_not_built: { status: 409, uk: 'Архів ще не сформовано.', en: 'The archive has not been built yet.' },
  retention_not_expired: {
    status: 409,
    uk: 'Файлів, строк зберігання яких ще не минув або які вже знищено: {count}. Акт не затверджено, нічого не змінено.',
    en: 'Files whose retention period has not ended or which are destroyed already: {count}. The act was not approved; nothing was changed.',
  },
  certificate_invalid: {
    status: 400,
    uk: 'Файл не є сертифікатом X.509 (PEM, CRT, CER або DER).',
    en: 'The file is not an X.509 certificate (PEM, CRT, CER or DER).',
  },
  not_ca_certificate: {
    status: 400,
    uk: 'Сертифікат «{subject}» не є сертифікатом центру сертифікації: до переліку довірених додаються лише кореневі й проміжні сертифікати.',
    en: 'The certificate “{subject}” is not a CA certificate: only root and intermediate certificates can be trusted.',
  },
  archive_file_destroyed: {
    status: 410,
    uk: 'Цей файл архіву знищено за актом після закінчення строку зберігання.',
    en: 'This archive file was destroyed by an act after its retention period ended.',
  },
  archive_signed: {
    status: 409,
    uk: 'Архів уже підписано; новий архів можна сформувати після повторного закриття року.',
    en: 'The archive is signed already; a new one can be built after the year is closed again.',
  },
  pkcs12_password: { status: 400, uk: 'Неправильний пароль до файлу ключа.', en: 'Wrong password for the key file.' },
  pkcs12_invalid: {
    status: 400,
    uk: 'Файл не є ключем PKCS#12 з сертифікатом.',
    en: 'The file is not a PKCS#12 key with its certificate.',
  },
  pkcs12_unsupported_key: {
    status: 400,
    uk: 'Ключ типу {type} не підтримується: потрібен ECDSA або RSA.',
    en: 'Key type {type} is not supported: ECDSA or RSA is needed.',
  },
  signature_invalid: { status: 400, uk: 'Підпис не прийнято: {reason}', en: 'The signature was not accepted: {reason}' },
  attachment_too_large: {
    status: 413,
    uk: 'Файл «{name}» завеликий: можна до {limit} МБ. Файл не збережено.',
    en: 'The file “{name}” is too large: {limit} MB at most. The file was not saved.',
  },
  attachment_type: {
    status: 415,
    uk: 'Файл «{name}» не є документом дозволеного типу (PDF, зображення, документи Office чи OpenDocument). Файл не збережено.',
    en: 'The file “{name}” is not a document of an allowed type (PDF, image, Office or OpenDocument). The file was not saved.',
  },
  attachment_missing: { status: 400, uk: 'Виберіть файл для завантаження.', en: 'Choose a file to upload.' },
  attachment_empty: { status: 400, uk: 'Файл «{name}» порожній.', en: 'The file “{name}” is empty.' },
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

/** Why one cell of a bulk save was refused, in both languages. */
export const CELL_PROBLEMS: Record<string, Record<Lang, string>> = {
  out_of_scale: { uk: 'Значення не належить до шкали сторінки.', en: 'The value is not on the page’s scale.' },
  too_long: { uk: 'Занадто довгий текст (до 200 символів).', en: 'The text is too long (200 characters at most).' },
  no_summative_in_verbal: {
    uk: 'У 1-2 класах підсумкові оцінки не виставляються.',
    en: 'Grades 1-2 get no summative marks in the journal.',
  },
  pupil_not_on_page: { uk: 'Учня немає на цій сторінці на дату уроку.', en: 'The pupil is not on this page on the lesson date.' },
  lesson_not_on_page: { uk: 'Урок не належить до цієї сторінки.', en: 'The lesson does not belong to this page.' },
  column_not_on_page: { uk: 'Колонка не належить до цієї сторінки.', en: 'The column does not belong to this page.' },
  reason_required: {
    uk: 'Зміна запису, старшого за {days} дн., потребує причини.',
    en: 'Changing an entry older than {days} days needs a reason.',
  },
  corrected_reason_required: {
    uk: 'Скоригована оцінка ставиться лише з причиною (рішення комісії).',
    en: 'A corrected mark needs a reason (the commission’s decision).',
  },
  future_lesson: { uk: 'Урок ще не відбувся.', en: 'The lesson has not taken place yet.' },
  not_your_lesson: { uk: 'Ви можете заповнювати лише урок, який замінювали.', en: 'You may fill only the lesson you substituted.' },
  cancelled_lesson: { uk: 'Урок скасовано.', en: 'The lesson is cancelled.' },
  no_homework_grade1: { uk: 'У 1 класі домашні завдання не задаються.', en: 'Grade 1 gets no homework.' },
  date_outside_year: { uk: 'Дата поза навчальним роком.', en: 'The date is outside the school year.' },
  tentative_absent: { uk: 'Олівцем ставиться лише оцінка, не «н».', en: 'Only a mark can be pencilled in, not an absence.' },
  not_parallel_lesson: {
    uk: 'Це не урок того самого предмета й дня у паралельному класі, який ви ведете.',
    en: 'This is not a lesson of the same subject and day in a parallel class you teach.',
  },
};
