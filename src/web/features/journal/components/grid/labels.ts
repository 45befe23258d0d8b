import type { TFunction } from 'i18next';
import { intlLocale } from '../../../../lib/i18n/index.js';
import type { GridColumn, GridModel } from '../../lib/grid-model.js';
import { shortDate } from '../../lib/grid-model.js';

/** A stand-in for a value while a text is translated once for many values. */
const SLOT = '\u0000';

/**
 * A text with one value, translated once (`translate` gets a stand-in): the function returned puts
 * each value in. For strings repeated over every column or cell of a grid.
 */
export function translatedOnce(translate: (value: string) => string): (value: string) => string {
  const text = translate(SLOT);
  return (value) => text.replace(SLOT, value);
}

/** A column's short header label: `08.09`, `Тем. 1`, `І сем.`, `Скор.`… */
export function columnLabel(t: TFunction, column: GridColumn): string {
  if (column.lesson) return shortDate(column.lesson.date);
  switch (column.kind) {
    case 'thematic':
      return t('journal.grid.thematic', { n: column.ordinal });
    case 'semester':
      return column.summary?.semester === 2 ? t('journal.grid.semester2') : t('journal.grid.semester1');
    case 'corrected':
      return t('journal.grid.corrected');
    case 'annual':
      return t('journal.grid.annual');
    default:
      return t('journal.grid.dpa');
  }
}

/** A column's full name: the summary column's own title, or the lesson's date. */
export function columnTitle(t: TFunction, column: GridColumn): string {
  return column.summary?.title ?? columnLabel(t, column);
}

/**
 * The month of a `YYYY-MM` as the header shows it: «листопад», "November". From the dictionary,
 * not Intl: making a date formatter costs more than drawing the whole grid.
 */
export function monthName(t: TFunction, month: string): string {
  return t('journal.grid.months').split(',')[Number(month.slice(5, 7)) - 1] ?? month;
}

const moments = new Map<string, Intl.DateTimeFormat>();

/** A moment of the history or a conflict as `28.11.2026, 09:05` (one formatter per language, made when first needed). */
export function formatMoment(iso: string): string {
  const locale = intlLocale();
  let f = moments.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    moments.set(locale, f);
  }
  return f.format(new Date(iso));
}

/** Pixel width of a column: lessons are narrow, verbal judgements wide, summary a little wider. */
export function columnWidth(column: GridColumn, verbal: boolean): number {
  if (column.kind === 'lesson') return verbal ? 132 : 40;
  return 52;
}

/** The column the teacher most likely fills: today's lesson, else the last one they may write, else the last one held. */
/** A cell named by a link (the head's drill-down: ?lesson=&pupil=, or ?column=&pupil=). */
export interface GridTarget {
  lessonId?: number;
  columnId?: number;
  pupilId?: number;
}

/** Where the grid opens: the linked cell when the page has it, else the start column's first row. */
export function startCell(model: GridModel, target?: GridTarget): { row: number; col: number } {
  const col = model.columns.findIndex((c) =>
    target?.lessonId ? c.kind === 'lesson' && c.id === target.lessonId : target?.columnId ? c.kind !== 'lesson' && c.id === target.columnId : false,
  );
  const row = target?.pupilId ? model.rows.findIndex((r) => r.pupil.id === target.pupilId) : -1;
  return { row: Math.max(row, 0), col: col >= 0 ? col : startColumn(model) };
}

export function startColumn(model: GridModel): number {
  const lessons = model.columns.filter((c) => c.lesson && !c.isFuture && !c.lesson.cancelled);
  const pick = lessons.find((c) => c.isToday && c.writable) ?? lessons.filter((c) => c.writable).pop() ?? lessons.pop();
  return pick?.index ?? 0;
}

/** The class of a column's <col>: its background (today, future, cancelled, summary). */
export function colClass(c: GridModel['columns'][number]): string | undefined {
  if (c.lesson?.cancelled) return 'jg-col-cancelled';
  if (c.isToday) return 'jg-col-today';
  if (c.isFuture) return 'jg-col-future';
  if (c.kind === 'thematic') return 'jg-col-thematic';
  if (c.kind !== 'lesson') return 'jg-col-final';
  return undefined;
}
