import type { AttendanceRow, ClassPupil, RemarkRow } from '../build/data.repo.js';
import { type Doc, dmy } from './doc.js';
import { drawTable, titledPage } from './table.js';

const collator = new Intl.Collator('uk');
const RELATION: Record<string, string> = { mother: 'мати', father: 'батько', parent: 'один з батьків', guardian: 'опікун' };
const REASON: Record<string, string> = { illness: 'хвороба', family: 'сімейні обставини', other: 'інша причина' };
const STATUS: Record<string, string> = { open: 'відкрито', acknowledged: 'ознайомлено', fixed: 'виправлено', closed: 'закрито' };

export interface ClassbookContext {
  schoolName: string;
  yearName: string;
  classLabel: string;
  classTeacher: string | null;
  semesters: { number: number; startsOn: string; endsOn: string }[];
}

export const sortPupils = (pupils: ClassPupil[]) =>
  [...pupils].sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));

const subtitle = (ctx: ClassbookContext) => `${ctx.schoolName} · ${ctx.yearName} н. р. · класний керівник: ${ctx.classTeacher ?? '—'}`;

/** The class teacher's pages: the pupils with their data, attendance by semester, movement. */
export function renderClassbook(doc: Doc, ctx: ClassbookContext, pupils: ClassPupil[], attendance: AttendanceRow[], reasons: [number, string, string, string][]): void {
  const sorted = sortPupils(pupils);
  const sub = subtitle(ctx);
  drawTable(
    doc,
    [
      { title: '№', width: 22, center: true },
      { title: 'Прізвище, ім’я, по батькові', width: 200 },
      { title: 'Дата народження', width: 70, center: true },
      { title: 'Батьки (особи, що їх замінюють), телефон', width: 290 },
      { title: 'Прибув (дата, наказ)', width: 102 },
      { title: 'Вибув (дата, наказ)', width: 102 },
    ],
    sorted.map((p, i) => {
      const first = p.enrollments[0];
      const last = p.enrollments[p.enrollments.length - 1];
      return [
        String(i + 1),
        `${p.lastName} ${p.firstName} ${p.middleName}`.trim(),
        dmy(p.birthDate),
        p.guardians.map((g) => `${g.name} (${RELATION[g.relation] ?? g.relation})${g.phone ? `, ${g.phone}` : ''}`).join('; '),
        first ? `${dmy(first.fromDate)}${first.arrivalOrder ? `, ${first.arrivalOrder}` : ''}` : '',
        last?.toDate ? `${dmy(last.toDate)}${last.departureOrder ? `, ${last.departureOrder}` : ''}` : '',
      ];
    }),
    () => titledPage(doc, `${ctx.classLabel} клас: загальні відомості про учнів`, sub),
  );

  const bySemester = new Map(attendance.map((a) => [`${a.pupilId}:${a.semester}`, a]));
  const cols = [
    { title: '№', width: 22, center: true },
    { title: 'Прізвище, ім’я учня', width: 170 },
  ];
  for (const s of ctx.semesters) {
    const n = s.number === 2 ? 'ІІ' : 'І';
    cols.push(
      { title: `${n} сем.: пропущено уроків`, width: 62, center: true },
      { title: `${n} сем.: днів`, width: 44, center: true },
      { title: 'з них через хворобу', width: 52, center: true },
      { title: 'з інших поважних причин', width: 58, center: true },
      { title: 'без пояснення', width: 52, center: true },
    );
  }
  drawTable(
    doc,
    cols,
    sorted.map((p, i) => {
      const row = [String(i + 1), `${p.lastName} ${p.firstName}`];
      for (const s of ctx.semesters) {
        const a = bySemester.get(`${p.id}:${s.number}`);
        row.push(String(a?.lessons ?? 0), String(a?.days ?? 0), String(a?.illness ?? 0), String((a?.family ?? 0) + (a?.other ?? 0)), String(a?.unexplained ?? 0));
      }
      return row;
    }),
    () => titledPage(doc, `${ctx.classLabel} клас: облік відвідування`, sub),
  );

  const names = new Map(sorted.map((p) => [p.id, `${p.lastName} ${p.firstName}`]));
  const moves: string[][] = [];
  for (const p of sorted) {
    for (const e of p.enrollments) {
      moves.push([dmy(e.fromDate), names.get(p.id)!, 'прибув(ла) до класу', e.arrivalOrder]);
      if (e.toDate) moves.push([dmy(e.toDate), names.get(p.id)!, 'вибув(ла) з класу', e.departureOrder]);
    }
  }
  moves.sort((a, b) => a[0].split('.').reverse().join('').localeCompare(b[0].split('.').reverse().join('')) || collator.compare(a[1], b[1]));
  drawTable(
    doc,
    [
      { title: 'Дата', width: 70, center: true },
      { title: 'Учень', width: 220 },
      { title: 'Рух', width: 160 },
      { title: 'Наказ', width: 200 },
    ],
    moves,
    () => titledPage(doc, `${ctx.classLabel} клас: рух учнів`, sub),
  );

  if (reasons.length) {
    drawTable(
      doc,
      [
        { title: 'Дата', width: 70, center: true },
        { title: 'Учень', width: 220 },
        { title: 'Причина', width: 160 },
        { title: 'Примітка', width: 300 },
      ],
      reasons.map(([pupilId, day, reason, note]) => [dmy(day), names.get(pupilId) ?? String(pupilId), REASON[reason] ?? reason, note]),
      () => titledPage(doc, `${ctx.classLabel} клас: причини пропусків`, sub),
    );
  }
}

export interface SheetSubject {
  pageId: number;
  subject: string;
  group: string | null;
}

/**
 * Зведена відомість: every pupil's semester and annual marks in every subject (a corrected mark
 * in brackets after the semester mark), a few subjects per page.
 */
export function renderSummarySheet(doc: Doc, ctx: ClassbookContext, subjects: SheetSubject[], pupils: ClassPupil[], marks: [number, number, string, number | null, string][]): void {
  const sorted = sortPupils(pupils);
  const m = new Map<string, string>();
  for (const [pageId, pupilId, kind, semester, mark] of marks) m.set(`${pageId}:${pupilId}:${kind}:${semester ?? ''}`, mark);
  const hasDpa = marks.some((x) => x[2] === 'dpa');
  const perSubject = hasDpa ? 4 : 3;
  const perPage = Math.max(1, Math.floor((785 - 22 - 150) / (perSubject * 26)));
  for (let i = 0; i < Math.max(subjects.length, 1); i += perPage) {
    const part = subjects.slice(i, i + perPage);
    const cols = [
      { title: '№', width: 22, center: true },
      { title: 'Прізвище, ім’я учня', width: 150 },
    ];
    for (const s of part) {
      const name = `${s.subject}${s.group ? ` (${s.group})` : ''}`;
      cols.push({ title: `${name}: І сем.`, width: 26, center: true }, { title: 'ІІ сем.', width: 26, center: true }, { title: 'Річна', width: 26, center: true });
      if (hasDpa) cols.push({ title: 'ДПА', width: 26, center: true });
    }
    const semesterMark = (pageId: number, pupilId: number, n: number) => {
      const base = m.get(`${pageId}:${pupilId}:semester:${n}`) ?? '';
      const corrected = m.get(`${pageId}:${pupilId}:corrected:${n}`);
      return corrected ? `${base} (${corrected})` : base;
    };
    drawTable(
      doc,
      cols,
      sorted.map((p, k) => {
        const row = [String(k + 1), `${p.lastName} ${p.firstName}`];
        for (const s of part) {
          row.push(semesterMark(s.pageId, p.id, 1), semesterMark(s.pageId, p.id, 2), m.get(`${s.pageId}:${p.id}:annual:`) ?? '');
          if (hasDpa) row.push(m.get(`${s.pageId}:${p.id}:dpa:`) ?? '');
        }
        return row;
      }),
      () => titledPage(doc, `${ctx.classLabel} клас: зведена відомість обліку навчальних досягнень`, `${subtitle(ctx)} · у дужках: скоригована оцінка`),
      7,
    );
  }
}

/** The controller's remarks on the class's pages, with their history. */
export function renderRemarks(doc: Doc, ctx: ClassbookContext, remarks: RemarkRow[], subjectOf: Map<number, string>): void {
  drawTable(
    doc,
    [
      { title: 'Дата перевірки', width: 62, center: true },
      { title: 'Предмет', width: 110 },
      { title: 'Зауваження', width: 300 },
      { title: 'Термін', width: 58, center: true },
      { title: 'Стан і хід виконання', width: 255 },
    ],
    remarks.map((r) => [
      dmy(r.checkedOn),
      subjectOf.get(r.pageId) ?? String(r.pageId),
      `${r.text} (${r.author})`,
      dmy(r.deadline),
      [STATUS[r.status] ?? r.status, ...r.events.map((e) => `${dmy(e.at.slice(0, 10))}: ${STATUS[e.to] ?? e.to}${e.user ? `, ${e.user}` : ''}${e.note ? ` (${e.note})` : ''}`)].join('; '),
    ]),
    () => titledPage(doc, `${ctx.classLabel} клас: зауваження щодо ведення журналу`, subtitle(ctx)),
  );
}
