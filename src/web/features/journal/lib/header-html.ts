import type { GridModel } from './grid-model.js';
import { escapeHtml } from './row-html.js';

/** The header's strings in the UI language, worked out once per grid rather than once per column. */
export interface HeaderTexts {
  number: string;
  pupil: string;
  today: string;
  cancelled: string;
  remoteTitle: string;
  extraTitle: string;
  substitute: string;
  remote: string;
  extra: string;
  /** the lesson button's label for a date label (`Відкрити урок 08.09`) */
  openLesson: (date: string) => string;
  /** the month of a `YYYY-MM` as the header shows it */
  month: (month: string) => string;
  /** a column's short label (`08.09`, `Тем. 1`…) and its full title */
  label: (index: number) => string;
  title: (index: number) => string;
}

const attr = (name: string, value: string | undefined | false) => (value ? ` ${name}="${escapeHtml(value)}"` : '');

/**
 * The grid's two header rows as HTML, like its body: months over the lesson dates, summary columns
 * taking both rows; lesson buttons (`data-lesson`) open the lesson panel through the grid's one click
 * handler. Some hundreds of elements are parsed at once instead of made one by one.
 */
export function headerHtml(model: GridModel, substituteIds: ReadonlySet<number>, texts: HeaderTexts): string {
  const { columns, runs } = model;
  let top = `<th class="jg-corner" rowspan="2" scope="col"><span class="jg-num">${escapeHtml(texts.number)}</span>${escapeHtml(texts.pupil)}</th>`;
  for (const run of runs) {
    if (run.month) {
      top += `<th colspan="${run.span}" scope="colgroup"><div class="jg-month">${run.span > 1 ? escapeHtml(texts.month(run.month)) : ''}</div></th>`;
      continue;
    }
    const column = columns[run.start];
    top += `<th rowspan="2" scope="col" class="jg-sum-h"${attr('title', texts.title(column.index))} data-col="${column.index}">${escapeHtml(texts.label(column.index))}</th>`;
  }
  let days = '';
  for (const column of columns) {
    const lesson = column.lesson;
    if (!lesson) continue;
    const substitute = substituteIds.has(lesson.id);
    const classes = [column.isToday && 'jg-today', column.isFuture && 'jg-future', lesson.cancelled && 'jg-cancelled'].filter(Boolean).join(' ');
    const label = texts.label(column.index);
    const notes = [
      lesson.topic,
      column.isToday && texts.today,
      lesson.cancelled && texts.cancelled,
      lesson.remote && texts.remoteTitle,
      lesson.kind === 'extra' && texts.extraTitle,
      substitute && texts.substitute,
    ].filter(Boolean);
    const tag = lesson.remote
      ? `<span class="jg-day-tag is-remote">${escapeHtml(texts.remote)}</span>`
      : lesson.kind === 'extra'
        ? `<span class="jg-day-tag is-extra">${escapeHtml(texts.extra)}</span>`
        : substitute
          ? '<span class="jg-day-tag is-sub">↔</span>'
          : `<span class="${lesson.topic ? 'jg-day-dot is-done' : 'jg-day-dot'}"></span>`;
    days +=
      `<th scope="col"${attr('class', classes)} data-col="${column.index}">` +
      `<button type="button" class="jg-day-btn" data-lesson="${lesson.id}"${attr('title', notes.join(' · '))}${attr('aria-label', texts.openLesson(label))}>` +
      `<span class="jg-date">${escapeHtml(label)}</span>${tag}</button></th>`;
  }
  return `<tr>${top}</tr><tr>${days}</tr>`;
}
