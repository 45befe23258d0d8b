/** Strings of the pupil's diary. */
export const diaryViewUk = {
  week: 'Тиждень',
  bySubject: 'За предметами',
  prev: 'Попередній',
  next: 'Наступний',
  noLessons: 'Уроків немає.',
  remote: 'дистанційно',
  homework: 'Д/з',
  absent: 'Відсутність',
  mark: 'Оцінка',
  noSubjects: 'Оцінок за семестр ще немає.',
  subject: 'Предмет',
  marks: 'Оцінки',
  absences: 'Пропуски',
  summary: 'Підсумкові',
  semester1: 'І семестр',
  semester2: 'ІІ семестр',
};

/** Strings of the diary cards on the home screens. */
export const diaryUk = {
  children: 'Мої діти',
  mine: 'Мій щоденник',
  mineText: 'Оцінки, домашні завдання та відвідування.',
  open: 'Відкрити щоденник',
  title: 'Щоденник',
  noClass: 'Клас не вказано',
};

export const diaryViewEn: typeof diaryViewUk = {
  week: 'Week',
  bySubject: 'By subject',
  prev: 'Previous',
  next: 'Next',
  noLessons: 'No lessons.',
  remote: 'remote',
  homework: 'Homework',
  absent: 'Absence',
  mark: 'Mark',
  noSubjects: 'No marks this semester yet.',
  subject: 'Subject',
  marks: 'Marks',
  absences: 'Absences',
  summary: 'Summative',
  semester1: 'Semester I',
  semester2: 'Semester II',
};

export const diaryEn: typeof diaryUk = {
  children: 'My children',
  mine: 'My diary',
  mineText: 'Marks, homework and attendance.',
  open: 'Open the diary',
  title: 'Diary',
  noClass: 'No class given',
};
