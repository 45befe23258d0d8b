/** Strings of the city's quarterly monitoring. */
export const cityMonitoringUk = {
  title: 'Квартальний моніторинг',
  quarter: 'Квартал',
  quarterLabel: '{{roman}} квартал {{year}}',
  intro: 'Квартали календарні (I — січень–березень, …, IV — жовтень–грудень). Показники — частки, тож заклади можна порівнювати. Лише узагальнені дані.',
  ranking: 'Заклади за рівнем заповнення',
  trend: 'Рівень заповнення за тижнями',
  noWeeks: 'У цьому кварталі ще немає завершених тижнів.',
  weekNote: 'Тиждень позначено датою його понеділка.',
  download: 'Завантажити {{format}}',
  col: {
    rank: '№',
    school: 'Заклад',
    fill: 'Заповнення',
    quality: 'Прапорці на 100 уроків',
    remarks: 'Відкриті зауваження',
    overdue: 'Прострочені',
    consent: 'Згоди',
    plan: 'План виконано',
    computers: 'ПК на вчителя',
    classrooms: 'Кабінети з ПК',
    internet: 'Інтернет, Мбіт/с',
    survey: 'Опитування',
    training: 'Потребують навчання',
  },
};

/** Strings of monitoring on the home screens. */
export const monitoringUk = {
  schools: 'Школи міста',
  schoolsEmpty: 'У місті ще немає шкіл.',
  school: 'Школа',
  total: 'Разом',
  aggregatesOnly: 'Лише узагальнені дані, без персональних даних учнів.',
};

export const cityMonitoringEn: typeof cityMonitoringUk = {
  title: 'Quarterly monitoring',
  quarter: 'Quarter',
  quarterLabel: 'Q{{n}} {{year}}',
  intro: 'Calendar quarters (Q1 = January–March, …, Q4 = October–December). Figures are shares, so schools compare fairly. Aggregates only.',
  ranking: 'Schools by fill level',
  trend: 'Fill level by week',
  noWeeks: 'No finished weeks in this quarter yet.',
  weekNote: 'Each week is labelled by its Monday.',
  download: 'Download {{format}}',
  col: {
    rank: '#',
    school: 'School',
    fill: 'Fill level',
    quality: 'Flags per 100 lessons',
    remarks: 'Open remarks',
    overdue: 'Overdue',
    consent: 'Consent',
    plan: 'Plan done',
    computers: 'PCs per teacher',
    classrooms: 'Classrooms with a PC',
    internet: 'Internet, Mbit/s',
    survey: 'Survey answered',
    training: 'Need training',
  },
};

export const monitoringEn: typeof monitoringUk = {
  schools: 'City schools',
  schoolsEmpty: 'There are no schools in the city yet.',
  school: 'School',
  total: 'Total',
  aggregatesOnly: 'Aggregate figures only, no pupils’ personal data.',
};
