import type { TFillComponent, TQualityKind } from '../../../shared/api/control.js';

/** Ukrainian labels of the weekly report files (the report goes to Ukrainian school heads). */
export const COMPONENT_LABEL: Record<TFillComponent, string> = {
  held: 'Проведені уроки',
  topic: 'Уроки з темою',
  homework: 'Уроки з домашнім завданням (3+ кл.)',
  attendance: 'Уроки з відміткою відвідування',
  timeliness: 'Записано вчасно',
  density: 'Учні з поточною оцінкою',
  summative: 'Підсумкові оцінки',
};

export const QUALITY_LABEL: Record<TQualityKind, string> = {
  mark_while_absent: 'Оцінка учню, позначеному відсутнім',
  future_entry: 'Записи на майбутні дати',
  pasted_topic: 'Однакова тема на 3+ уроках',
  extra_lesson: 'Уроки поза розкладом',
  late_correction: 'Пізні виправлення',
};

/** 1.625 -> '1,6': a figure with its decimals and the Ukrainian decimal comma */
export function decimal(x: number, digits = 1): string {
  return x.toFixed(digits).replace('.', ',');
}

/** 0.8123 -> '81,2 %' */
export function percent(x: number): string {
  return `${decimal(x * 100)} %`;
}

/** DD.MM.YYYY */
export function uaDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
