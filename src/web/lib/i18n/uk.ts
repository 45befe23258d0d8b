import { yearStructureUk, archiveUk, yearendUk } from '../../features/archive/i18n.js';
import { retentionUk } from '../../features/retention/i18n.js';
import { trustUk } from '../../features/trust/i18n.js';
import { accountsUk } from '../../features/accounts/i18n.js';
import { navigationUk } from '../../app/layout/i18n.js';
import { privacyNoticeUk } from '../../features/privacy-notice/i18n.js';
import { attachmentsUk } from '../../features/attachments/i18n.js';
import { deliveryUk } from '../../features/delivery/i18n.js';
import { planningUk } from '../../features/planning/i18n.js';
import { timesaversUk, classbookUk, journalUk } from '../../features/journal/i18n.js';
import { calendarUk } from '../../features/calendar/i18n.js';
import { consentUk, inviteUk } from '../../features/consent/i18n.js';
import { controlUk } from '../../features/control/i18n.js';
import { curriculumUk } from '../../features/curriculum/i18n.js';
import { diaryUk, diaryViewUk } from '../../features/diary/i18n.js';
import { cityMonitoringUk, monitoringUk } from '../../features/monitoring/i18n.js';
import { noticesUk } from '../../features/notices/i18n.js';
import { adminUk, peopleUk } from '../../features/people/i18n.js';
import { readinessUk } from '../../features/readiness/i18n.js';
import { timetableUk } from '../../features/timetable/i18n.js';

/** Ukrainian, the default language. Every key here exists in en.ts too (the type checks it). */
export const uk = {
  yearStructure: yearStructureUk,
  retention: retentionUk,
  trust: trustUk,
  delivery: deliveryUk,
  planning: planningUk,
  timesavers: timesaversUk,
  attachments: attachmentsUk,
  accounts: accountsUk,
  navigation: navigationUk,
  privacyNotice: privacyNoticeUk,
  app: {
    name: 'Класний журнал',
    tagline: 'Електронні класні журнали шкіл міста',
  },
  language: {
    label: 'Мова інтерфейсу',
    uk: 'Укр',
    en: 'Eng',
  },
  login: {
    title: 'Вхід',
    login: 'Логін',
    password: 'Пароль',
    submit: 'Увійти',
    hint: 'Логін і пароль видає адміністратор електронних журналів вашої школи.',
  },
  roles: {
    city_specialist: 'Спеціаліст управління освіти',
    head: 'Директор',
    controller: 'Відповідальний за контроль',
    admin: 'Адміністратор електронних журналів',
    teacher: 'Вчитель',
    class_teacher: 'Класний керівник',
    parent: 'Батьки',
    pupil: 'Учень',
  },
  chooser: {
    title: 'Оберіть школу',
    titleWithCity: 'Оберіть школу або місто',
    subtitle: 'Надалі змінити вибір можна вгорі сторінки.',
    none: 'Ваш обліковий запис ще не прив’язано до жодної школи. Зверніться до адміністратора журналів вашої школи.',
  },
  header: {
    openMenu: 'Відкрити меню',
    switchContext: 'Змінити школу',
    allContexts: 'Усі школи й ролі',
    account: 'Обліковий запис',
    changePassword: 'Змінити пароль',
    logout: 'Вийти',
  },
  nav: {
    label: 'Розділи',
    home: 'Головна',
    pages: 'Журнали школи',
    classes: 'Класи',
    myClass: 'Мій клас {{label}}',
    diary: 'Щоденник: {{name}}',
    myDiary: 'Мій щоденник',
  },
  password: {
    title: 'Зміна пароля',
    current: 'Поточний пароль',
    new: 'Новий пароль',
    newHint: 'Щонайменше 10 символів.',
    repeat: 'Повторіть новий пароль',
    mismatch: 'Паролі не збігаються.',
    save: 'Зберегти',
    cancel: 'Скасувати',
    done: 'Пароль змінено. На інших пристроях потрібно увійти знову.',
  },
  school: {
    year: 'Навчальний рік {{name}}',
    semester1: 'І семестр',
    semester2: 'ІІ семестр',
    semesterDates: '{{name}}: {{from}} – {{to}}',
    yearClosed: 'Рік закрито',
    noYear: 'Навчальний рік ще не створено.',
    overview: 'Огляд школи',
    stats: {
      classes: 'Класів',
      pupils: 'Учнів',
      staff: 'Працівників',
      pages: 'Сторінок журналів',
      lessonsToday: 'Уроків сьогодні',
    },
  },
  journal: journalUk,
  people: peopleUk,
  classbook: classbookUk,
  diaryView: diaryViewUk,
  diary: diaryUk,
  readiness: readinessUk,
  cityMonitoring: cityMonitoringUk,
  monitoring: monitoringUk,
  control: controlUk,
  admin: adminUk,
  timetable: timetableUk,
  curriculum: curriculumUk,
  calendar: calendarUk,
  consent: consentUk,
  invite: inviteUk,
  notices: noticesUk,
  yearend: yearendUk,
  archive: archiveUk,
  common: {
    loading: 'Завантаження…',
    loadFailed: 'Не вдалося завантажити дані.',
    retry: 'Спробувати ще раз',
    none: '—',
  },
  errors: {
    title: 'Помилка',
    network: 'Немає зв’язку із сервером. Перевірте підключення до інтернету та спробуйте ще раз.',
    notFound: 'Сторінку не знайдено',
    notFoundText: 'Можливо, посилання застаріло.',
    noAccess: 'У вас немає доступу до цього розділу.',
    toHome: 'На головну',
    crashed: 'Щось пішло не так',
    crashedText: 'Оновіть сторінку. Якщо помилка повториться, повідомте адміністратора журналів школи.',
    reload: 'Оновити сторінку',
  },
};

export type Dictionary = typeof uk;
