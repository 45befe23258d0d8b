/**
 * Subjects by grade with weekly hours, after the typical curriculum of Ukrainian schools
 * (НУШ for grades 1-9; the typical programme for 10-11). Hours are whole numbers so every
 * hour is one weekly timetable slot; the real plans' halves (1.5 h) are rounded.
 */

/** Who teaches a subject: staff are specialised, a teacher takes one specialty. */
export type Specialty =
  | 'primary'
  | 'ukrainian'
  | 'english'
  | 'math'
  | 'history'
  | 'geography'
  | 'biology'
  | 'chemistry'
  | 'physics'
  | 'informatics'
  | 'technology'
  | 'art'
  | 'pe'
  | 'defence';

export const SPECIALTY_POSITION: Record<Specialty, string> = {
  primary: 'Вчитель початкових класів',
  ukrainian: 'Вчитель української мови та літератури',
  english: 'Вчитель англійської мови',
  math: 'Вчитель математики',
  history: 'Вчитель історії',
  geography: 'Вчитель географії',
  biology: 'Вчитель біології',
  chemistry: 'Вчитель хімії',
  physics: 'Вчитель фізики',
  informatics: 'Вчитель інформатики',
  technology: 'Вчитель трудового навчання та технологій',
  art: 'Вчитель мистецтва',
  pe: 'Вчитель фізичної культури',
  defence: 'Вчитель предмета «Захист України»',
};

export type Homework = 'usual' | 'rare' | 'none';

interface SubjectInfo {
  short: string;
  specialty: Specialty;
  homework: Homework;
  /** how much better than a pupil's usual level marks run in this subject */
  markBias: number;
}

export const SUBJECTS: Record<string, SubjectInfo> = {
  'Українська мова': { short: 'Укр. мова', specialty: 'ukrainian', homework: 'usual', markBias: 0 },
  Читання: { short: 'Читання', specialty: 'primary', homework: 'usual', markBias: 0.3 },
  'Українська література': { short: 'Укр. літ.', specialty: 'ukrainian', homework: 'usual', markBias: 0.3 },
  'Зарубіжна література': { short: 'Зар. літ.', specialty: 'ukrainian', homework: 'usual', markBias: 0.4 },
  'Англійська мова': { short: 'Англ. мова', specialty: 'english', homework: 'usual', markBias: 0 },
  Математика: { short: 'Матем.', specialty: 'math', homework: 'usual', markBias: -0.2 },
  Алгебра: { short: 'Алгебра', specialty: 'math', homework: 'usual', markBias: -0.5 },
  Геометрія: { short: 'Геометрія', specialty: 'math', homework: 'usual', markBias: -0.6 },
  'Я досліджую світ': { short: 'ЯДС', specialty: 'primary', homework: 'usual', markBias: 0.4 },
  'Пізнаємо природу': { short: 'Пізн. прир.', specialty: 'biology', homework: 'usual', markBias: 0.3 },
  'Історія України': { short: 'Іст. України', specialty: 'history', homework: 'usual', markBias: 0 },
  'Всесвітня історія': { short: 'Всесв. іст.', specialty: 'history', homework: 'usual', markBias: 0 },
  'Громадянська освіта': { short: 'Громад. осв.', specialty: 'history', homework: 'rare', markBias: 0.5 },
  Географія: { short: 'Географія', specialty: 'geography', homework: 'usual', markBias: 0.2 },
  Біологія: { short: 'Біологія', specialty: 'biology', homework: 'usual', markBias: 0 },
  'Біологія і екологія': { short: 'Біол. і екол.', specialty: 'biology', homework: 'usual', markBias: 0 },
  Фізика: { short: 'Фізика', specialty: 'physics', homework: 'usual', markBias: -0.6 },
  Астрономія: { short: 'Астрономія', specialty: 'physics', homework: 'rare', markBias: 0.2 },
  Хімія: { short: 'Хімія', specialty: 'chemistry', homework: 'usual', markBias: -0.6 },
  Інформатика: { short: 'Інформ.', specialty: 'informatics', homework: 'rare', markBias: 0.5 },
  Технології: { short: 'Технології', specialty: 'technology', homework: 'none', markBias: 1.2 },
  'Дизайн і технології': { short: 'ДіТ', specialty: 'primary', homework: 'none', markBias: 1 },
  Мистецтво: { short: 'Мистецтво', specialty: 'art', homework: 'rare', markBias: 1.3 },
  'Фізична культура': { short: 'Фізкульт.', specialty: 'pe', homework: 'none', markBias: 1.6 },
  "Основи здоров'я": { short: "Осн. здор.", specialty: 'biology', homework: 'rare', markBias: 0.9 },
  'Захист України': { short: 'Захист Укр.', specialty: 'defence', homework: 'rare', markBias: 0.8 },
};

export interface CurriculumItem {
  subject: string;
  hours: number;
  specialty: Specialty;
  /** 'always': two groups; 'large': two groups when the class has >= SPLIT_MIN_PUPILS */
  split: 'never' | 'always' | 'large';
}

export const SPLIT_MIN_PUPILS = 27;

// [subject, hours] per grade band; primary subjects other than English and PE go to the class teacher.
const PRIMARY_1: [string, number][] = [
  ['Українська мова', 4], ['Читання', 3], ['Математика', 4], ['Я досліджую світ', 3],
  ['Англійська мова', 2], ['Мистецтво', 2], ['Фізична культура', 3], ['Дизайн і технології', 1],
];
const PRIMARY_2_4: [string, number][] = [
  ['Українська мова', 4], ['Читання', 3], ['Математика', 4], ['Я досліджую світ', 3],
  ['Англійська мова', 3], ['Мистецтво', 2], ['Фізична культура', 3], ['Дизайн і технології', 1],
  ['Інформатика', 1],
];
const GRADE_5_6: [string, number][] = [
  ['Українська мова', 4], ['Українська література', 2], ['Зарубіжна література', 2], ['Англійська мова', 3],
  ['Математика', 4], ['Пізнаємо природу', 2], ['Історія України', 1], ['Інформатика', 1],
  ['Технології', 2], ['Мистецтво', 2], ['Фізична культура', 3], ["Основи здоров'я", 1],
];
const GRADE_7_9: [string, number][] = [
  ['Українська мова', 3], ['Українська література', 2], ['Зарубіжна література', 2], ['Англійська мова', 3],
  ['Алгебра', 3], ['Геометрія', 2], ['Історія України', 1], ['Всесвітня історія', 1],
  ['Географія', 2], ['Біологія', 2], ['Фізика', 2], ['Хімія', 2], ['Інформатика', 1],
  ['Технології', 1], ['Мистецтво', 1], ['Фізична культура', 3], ["Основи здоров'я", 1],
];
const GRADE_10_11: [string, number][] = [
  ['Українська мова', 2], ['Українська література', 2], ['Зарубіжна література', 1], ['Англійська мова', 3],
  ['Алгебра', 2], ['Геометрія', 2], ['Історія України', 2], ['Всесвітня історія', 1],
  ['Біологія і екологія', 2], ['Фізика', 3], ['Хімія', 2], ['Інформатика', 1], ['Технології', 1],
  ['Мистецтво', 1], ['Фізична культура', 3], ['Захист України', 2],
];

function planFor(grade: number): [string, number][] {
  if (grade === 1) return PRIMARY_1;
  if (grade <= 4) return PRIMARY_2_4;
  if (grade === 5) return GRADE_5_6;
  if (grade === 6) {
    // grade 6 starts geography and biology beside the integrated science course
    return [...GRADE_5_6, ['Географія', 2], ['Біологія', 1]];
  }
  if (grade <= 9) {
    // grade 9 shifts an hour of Ukrainian to history (the ДПА year)
    if (grade === 9) return GRADE_7_9.map(([s, h]) => [s, s === 'Українська мова' ? 2 : s === 'Історія України' ? 2 : h]);
    return GRADE_7_9;
  }
  if (grade === 10) return [...GRADE_10_11, ['Громадянська освіта', 1], ['Географія', 1]];
  return [...GRADE_10_11, ['Астрономія', 1]];
}

/** The subjects a class of this grade studies, with weekly hours and who teaches them. */
export function curriculumFor(grade: number): CurriculumItem[] {
  return planFor(grade).map(([subject, hours]) => {
    const info = SUBJECTS[subject];
    if (!info) throw new Error(`unknown subject ${subject}`);
    const primaryClassTeacher = grade <= 4 && subject !== 'Англійська мова' && subject !== 'Фізична культура';
    let split: CurriculumItem['split'] = 'never';
    if (grade >= 5 && subject === 'Англійська мова') split = 'always';
    else if (grade >= 5 && (subject === 'Інформатика' || subject === 'Технології')) split = 'large';
    return { subject, hours, specialty: primaryClassTeacher ? 'primary' : info.specialty, split };
  });
}

/** The most periods a day for a grade: the youngest have short days. */
export function maxPeriods(grade: number): number {
  if (grade === 1) return 5;
  if (grade <= 4) return 6;
  return 7;
}

/** Scale of current marks by grade (the defaults of the domain). */
export function scaleFor(grade: number): 'verbal' | 'levels' | 'points12' {
  if (grade <= 2) return 'verbal';
  if (grade <= 4) return 'levels';
  return 'points12';
}

// State final attestation (ДПА) subjects by grade.
const DPA: Record<number, string[]> = {
  4: ['Українська мова', 'Читання', 'Математика'],
  9: ['Українська мова', 'Алгебра', 'Історія України'],
  11: ['Українська мова', 'Алгебра', 'Історія України'],
};

export function hasDpa(grade: number, subject: string): boolean {
  return DPA[grade]?.includes(subject) ?? false;
}
