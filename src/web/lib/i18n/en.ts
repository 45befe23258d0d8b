import { yearStructureEn, archiveEn, yearendEn } from '../../features/archive/i18n.js';
import { retentionEn } from '../../features/retention/i18n.js';
import { trustEn } from '../../features/trust/i18n.js';
import { accountsEn } from '../../features/accounts/i18n.js';
import { navigationEn } from '../../app/layout/i18n.js';
import { privacyNoticeEn } from '../../features/privacy-notice/i18n.js';
import { attachmentsEn } from '../../features/attachments/i18n.js';
import { deliveryEn } from '../../features/delivery/i18n.js';
import { planningEn } from '../../features/planning/i18n.js';
import { timesaversEn, classbookEn, journalEn } from '../../features/journal/i18n.js';
import type { Dictionary } from './uk.js';
import { calendarEn } from '../../features/calendar/i18n.js';
import { consentEn, inviteEn } from '../../features/consent/i18n.js';
import { controlEn } from '../../features/control/i18n.js';
import { curriculumEn } from '../../features/curriculum/i18n.js';
import { diaryEn, diaryViewEn } from '../../features/diary/i18n.js';
import { cityMonitoringEn, monitoringEn } from '../../features/monitoring/i18n.js';
import { noticesEn } from '../../features/notices/i18n.js';
import { adminEn, peopleEn } from '../../features/people/i18n.js';
import { readinessEn } from '../../features/readiness/i18n.js';
import { timetableEn } from '../../features/timetable/i18n.js';

/** English, the second language: the same keys as uk.ts. */
export const en: Dictionary = {
  yearStructure: yearStructureEn,
  retention: retentionEn,
  trust: trustEn,
  delivery: deliveryEn,
  planning: planningEn,
  timesavers: timesaversEn,
  attachments: attachmentsEn,
  accounts: accountsEn,
  navigation: navigationEn,
  privacyNotice: privacyNoticeEn,
  app: {
    name: 'Klasnyi',
    tagline: 'Electronic class journals for the city’s schools',
  },
  language: {
    label: 'Interface language',
    uk: 'Укр',
    en: 'Eng',
  },
  login: {
    title: 'Sign in',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    hint: 'Your school’s e-journal administrator gives you your login and password.',
  },
  roles: {
    city_specialist: 'Education department specialist',
    head: 'Head',
    controller: 'Responsible for journal control',
    admin: 'E-journal administrator',
    teacher: 'Teacher',
    class_teacher: 'Class teacher',
    parent: 'Parent',
    pupil: 'Pupil',
  },
  chooser: {
    title: 'Choose a school',
    titleWithCity: 'Choose a school or a city',
    subtitle: 'You can change this later at the top of the page.',
    none: 'Your account is not linked to any school yet. Please contact your school’s e-journal administrator.',
  },
  header: {
    openMenu: 'Open the menu',
    switchContext: 'Change school',
    allContexts: 'All schools and roles',
    account: 'Account',
    changePassword: 'Change password',
    logout: 'Sign out',
  },
  nav: {
    label: 'Sections',
    home: 'Home',
    pages: 'School journals',
    classes: 'Classes',
    myClass: 'My class {{label}}',
    diary: 'Diary: {{name}}',
    myDiary: 'My diary',
  },
  password: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    newHint: 'At least 10 characters.',
    repeat: 'Repeat the new password',
    mismatch: 'The passwords do not match.',
    save: 'Save',
    cancel: 'Cancel',
    done: 'Password changed. Other devices will need to sign in again.',
  },
  school: {
    year: 'School year {{name}}',
    semester1: 'Semester 1',
    semester2: 'Semester 2',
    semesterDates: '{{name}}: {{from}} – {{to}}',
    yearClosed: 'Year closed',
    noYear: 'The school year has not been created yet.',
    overview: 'School overview',
    stats: {
      classes: 'Classes',
      pupils: 'Pupils',
      staff: 'Staff',
      pages: 'Journal pages',
      lessonsToday: 'Lessons today',
    },
  },
  journal: journalEn,
  people: peopleEn,
  classbook: classbookEn,
  diaryView: diaryViewEn,
  diary: diaryEn,
  readiness: readinessEn,
  cityMonitoring: cityMonitoringEn,
  monitoring: monitoringEn,
  control: controlEn,
  admin: adminEn,
  timetable: timetableEn,
  curriculum: curriculumEn,
  calendar: calendarEn,
  consent: consentEn,
  invite: inviteEn,
  notices: noticesEn,
  yearend: yearendEn,
  archive: archiveEn,
  common: {
    loading: 'Loading…',
    loadFailed: 'Could not load the data.',
    retry: 'Try again',
    none: '—',
  },
  errors: {
    title: 'Error',
    network: 'No connection to the server. Check your internet connection and try again.',
    notFound: 'Page not found',
    notFoundText: 'The link may be out of date.',
    noAccess: 'You do not have access to this section.',
    toHome: 'Go to home',
    crashed: 'Something went wrong',
    crashedText: 'Reload the page. If it happens again, please tell your school’s e-journal administrator.',
    reload: 'Reload the page',
  },
};
