import type { ArchivePageMeta, PageData } from '../build/data.repo.js';
import { type Doc, dm, dmy, PAGE, put, putCentered, TextBatch } from './doc.js';

const collator = new Intl.Collator('uk');
const MONTHS = ['січ', 'лют', 'бер', 'кві', 'тра', 'чер', 'лип', 'сер', 'вер', 'жов', 'лис', 'гру'];
const SUMMARY_TITLES: Record<string, string> = { thematic: 'Тем.', semester: 'сем.', corrected: 'Скор.', annual: 'Річна', dpa: 'ДПА' };
const ROW = 13;
const NUM_W = 16;
const NAME_W = 138;
const MAX_COLS = 26;

export interface JournalContext {
  schoolName: string;
  yearName: string;
  classLabel: string;
  yearEndsOn: string;
  semesters: { number: number; startsOn: string; endsOn: string }[];
}

type GridColumn =
  | { type: 'lesson'; key: string; lesson: PageData['lessons'][number] }
  | { type: 'summary'; key: string; column: PageData['columns'][number] };

/**
 * The page's columns in the order of the paper journal: lessons by date; a thematic column
 * after the lesson of its date; semester and corrected columns at the semester's end; annual
 * and DPA at the end of the year. Cancelled lessons take no column.
 */
export function gridColumns(data: PageData, ctx: JournalContext): GridColumn[] {
  const semesterEnd = (n: number | null) => ctx.semesters.find((s) => s.number === n)?.endsOn ?? ctx.yearEndsOn;
  const out: GridColumn[] = [];
  for (const lesson of data.lessons) {
    if (!lesson.cancelled) out.push({ type: 'lesson', key: `${lesson.date}|0|${String(lesson.period).padStart(2, '0')}|${String(lesson.id).padStart(10, '0')}`, lesson });
  }
  for (const column of data.columns) {
    const pos = String(column.position).padStart(6, '0');
    let key: string;
    if (column.kind === 'thematic') key = `${column.afterDate ?? semesterEnd(column.semester)}|1|${pos}`;
    else if (column.kind === 'semester' || column.kind === 'corrected') key = `${semesterEnd(column.semester)}|2|${pos}`;
    else key = `${ctx.yearEndsOn}|3|${pos}`;
    out.push({ type: 'summary', key, column });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

function header(doc: Doc, page: ArchivePageMeta, ctx: JournalContext, right: string): number {
  const x = PAGE.margin;
  doc.font('b').fontSize(10);
  put(doc, `${ctx.classLabel} клас · ${page.subject}${page.group ? ` (${page.group})` : ''}`, x, PAGE.margin);
  doc.font('r').fontSize(8);
  put(doc, `Вчитель: ${page.teacher ?? '—'} · ${ctx.yearName} н. р. · ${ctx.schoolName}`, x, PAGE.margin + 13);
  putCentered(doc, right, PAGE.width - PAGE.margin - 160, PAGE.margin + 2, 160);
  return PAGE.margin + 28;
}

function columnTitle(c: GridColumn): string {
  if (c.type === 'lesson') return dm(c.lesson.date);
  const t = SUMMARY_TITLES[c.column.kind] ?? c.column.kind;
  if (c.column.kind === 'semester') return `${c.column.semester === 2 ? 'ІІ' : 'І'} ${t}`;
  return t;
}

/** One sheet of the grid: pupils down, dated lessons and summary columns across. */
function drawGrid(
  doc: Doc,
  top: number,
  pupils: PageData['pupils'],
  firstNumber: number,
  cols: GridColumn[],
  cells: Map<string, string>,
): void {
  const left = PAGE.margin;
  const colW = Math.min(30, (PAGE.width - 2 * PAGE.margin - NUM_W - NAME_W) / Math.max(cols.length, 1));
  const gridX = left + NUM_W + NAME_W;
  const headH = 2 * ROW;
  const bottom = top + headH + pupils.length * ROW;
  const right = gridX + cols.length * colW;
  // shaded cells: the pupil was not on the page on that date
  doc.fillColor('#e6e6e6');
  pupils.forEach((p, r) => {
    cols.forEach((c, i) => {
      if (c.type === 'lesson' && (c.lesson.date < p.fromDate || (p.toDate !== null && c.lesson.date > p.toDate))) {
        doc.rect(gridX + i * colW, top + headH + r * ROW, colW, ROW).fill();
      }
    });
  });
  doc.fillColor('black');
  doc.lineWidth(0.4).strokeColor('#555555');
  for (let r = 0; r <= pupils.length; r++) doc.moveTo(left, top + headH + r * ROW).lineTo(right, top + headH + r * ROW);
  doc.moveTo(left, top).lineTo(right, top);
  for (const x of [left, left + NUM_W, gridX, right]) doc.moveTo(x, top).lineTo(x, bottom);
  for (let k = 1; k < cols.length; k++) doc.moveTo(gridX + k * colW, top + ROW).lineTo(gridX + k * colW, bottom);

  doc.font('b').fontSize(7);
  const head = new TextBatch(doc);
  head.center('№', left, top + 9, NUM_W);
  head.add('Прізвище, ім’я учня', left + NUM_W + 3, top + 9);
  // months over their dates; summary columns take both header rows
  let i = 0;
  while (i < cols.length) {
    const c = cols[i];
    let j = i + 1;
    if (c.type === 'summary') {
      head.center(columnTitle(c), gridX + i * colW, top + 9, colW);
    } else {
      const month = c.lesson.date.slice(5, 7);
      while (j < cols.length && cols[j].type === 'lesson' && (cols[j] as { lesson: { date: string } }).lesson.date.slice(5, 7) === month) j++;
      head.center(MONTHS[Number(month) - 1], gridX + i * colW, top + 3, (j - i) * colW);
      doc.moveTo(gridX + i * colW, top + ROW).lineTo(gridX + j * colW, top + ROW);
      for (let k = i; k < j; k++) head.center((cols[k] as { lesson: { date: string } }).lesson.date.slice(8, 10), gridX + k * colW, top + ROW + 3, colW);
    }
    doc.moveTo(gridX + i * colW, top).lineTo(gridX + i * colW, top + ROW);
    i = j;
  }
  doc.stroke();
  head.flush();
  doc.font('r').fontSize(7.5);
  const body = new TextBatch(doc);
  pupils.forEach((p, r) => {
    const y = top + headH + r * ROW + 3;
    body.center(String(firstNumber + r), left, y, NUM_W);
    body.add(p.name.length > 30 ? `${p.name.slice(0, 29)}…` : p.name, left + NUM_W + 3, y);
    cols.forEach((c, k) => {
      const v = cells.get(`${c.type === 'lesson' ? 'l' : 's'}${c.type === 'lesson' ? c.lesson.id : c.column.id}:${p.id}`);
      if (v) body.center(v, gridX + k * colW, y, colW);
    });
  });
  body.flush();
}

/** The right-hand page of the paper journal: each lesson's date, topic and homework. */
function drawLessons(doc: Doc, page: ArchivePageMeta, ctx: JournalContext, lessons: PageData['lessons'], sheet: string): void {
  const widths = [56, 26, 330, 250, 120];
  const titles = ['Дата', 'Урок', 'Зміст уроку', 'Домашнє завдання', 'Примітка'];
  const left = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin;
  let y = 0;
  const batch = new TextBatch(doc);
  let ruled = false;
  const rules = () => {
    if (ruled) doc.lineWidth(0.2).stroke();
    ruled = false;
  };
  const newPage = () => {
    batch.flush();
    rules();
    doc.addPage();
    y = header(doc, page, ctx, `${sheet} · зміст уроків`);
    doc.font('b').fontSize(8);
    let x = left;
    titles.forEach((t, k) => {
      put(doc, t, x + 2, y + 2);
      x += widths[k];
    });
    y += 14;
    doc.moveTo(left, y).lineTo(left + widths.reduce((a, b) => a + b, 0), y).lineWidth(0.4).stroke();
    doc.font('r').fontSize(8);
  };
  newPage();
  for (const l of lessons) {
    const note = [l.cancelled ? 'урок скасовано' : '', l.remote ? 'дистанційно' : '', l.kind === 'extra' ? 'додатковий' : '', l.substitute ? `заміна: ${l.substitute}` : '']
      .filter(Boolean)
      .join('; ');
    const texts = [dmy(l.date), l.period ? String(l.period) : '', l.topic, l.homework, note];
    const h = Math.max(12, ...texts.map((t, k) => (t.length * 4.2 > widths[k] - 4 ? doc.heightOfString(t, { width: widths[k] - 4 }) + 3 : 12)));
    if (y + h > bottom) newPage();
    let x = left;
    texts.forEach((t, k) => {
      if (t.length * 4.2 > widths[k] - 4) doc.text(t, x + 2, y + 2, { width: widths[k] - 4 });
      else batch.add(t, x + 2, y + 2);
      x += widths[k];
    });
    y += h;
    doc.moveTo(left, y).lineTo(left + widths.reduce((a, b) => a + b, 0), y);
    ruled = true;
  }
  rules();
  batch.flush();
}

/** Verbal judgements do not fit a grid cell: the cell shows * and the text is listed here. */
function drawJudgements(doc: Doc, page: ArchivePageMeta, ctx: JournalContext, data: PageData, names: Map<number, string>, dates: Map<number, string>): void {
  const long = data.cells.filter(([, , mark]) => mark.length > 4);
  if (!long.length) return;
  const bottom = PAGE.height - PAGE.margin;
  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = header(doc, page, ctx, 'оцінювальні судження');
    doc.font('r').fontSize(8);
  };
  newPage();
  for (const [lessonId, pupilId, mark] of long) {
    const line = `${dmy(dates.get(lessonId) ?? '')} · ${names.get(pupilId) ?? pupilId}: ${mark}`;
    const h = doc.heightOfString(line, { width: PAGE.width - 2 * PAGE.margin }) + 2;
    if (y + h > bottom) newPage();
    doc.text(line, PAGE.margin, y, { width: PAGE.width - 2 * PAGE.margin });
    y += h;
  }
}

/** One journal page (a subject of the class) laid out like the paper journal, sheet by sheet. */
export function renderJournalPage(doc: Doc, page: ArchivePageMeta, data: PageData, ctx: JournalContext): void {
  const pupils = [...data.pupils].sort((a, b) => collator.compare(a.name, b.name));
  const names = new Map(pupils.map((p) => [p.id, p.name]));
  const dates = new Map(data.lessons.map((l) => [l.id, l.date]));
  const cells = new Map<string, string>();
  for (const [lessonId, pupilId, mark, absent] of data.cells) {
    const shown = mark.length > 4 ? '*' : mark;
    const v = [absent ? 'н' : '', shown].filter(Boolean).join(' ');
    if (v) cells.set(`l${lessonId}:${pupilId}`, v);
  }
  for (const [columnId, pupilId, mark] of data.summary) if (mark) cells.set(`s${columnId}:${pupilId}`, mark);
  const columns = gridColumns(data, ctx);
  const rowsPerSheet = Math.floor((PAGE.height - 2 * PAGE.margin - 28 - 2 * ROW) / ROW);
  const sheets = chunk(columns, MAX_COLS);
  const pupilBlocks = chunk(pupils, rowsPerSheet);
  sheets.forEach((cols, s) => {
    const sheet = `аркуш ${s + 1} з ${sheets.length}`;
    pupilBlocks.forEach((block, b) => {
      doc.addPage();
      const top = header(doc, page, ctx, sheet);
      drawGrid(doc, top, block, b * rowsPerSheet + 1, cols, cells);
    });
    const lessonIds = new Set(cols.filter((c) => c.type === 'lesson').map((c) => (c as { lesson: { id: number } }).lesson.id));
    const lessons = data.lessons.filter((l) => lessonIds.has(l.id));
    if (lessons.length) drawLessons(doc, page, ctx, lessons, sheet);
  });
  const cancelled = data.lessons.filter((l) => l.cancelled);
  if (cancelled.length) drawLessons(doc, page, ctx, cancelled, 'скасовані уроки');
  drawJudgements(doc, page, ctx, data, names, dates);
}
