import ExcelJS from 'exceljs';
import { FILL_COMPONENTS, type TFillRow, type TQualityKind, type TWeeklyReportData } from '../../../shared/api/control.js';
import { COMPONENT_LABEL, QUALITY_LABEL, uaDate } from './report.labels.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };

function rowsSheet(wb: ExcelJS.Workbook, title: string, keyTitle: string, rows: TFillRow[], extra?: (r: TFillRow) => string) {
  const ws = wb.addWorksheet(title);
  ws.columns = [
    { header: keyTitle, key: 'name', width: 34 },
    ...(extra ? [{ header: 'Вчитель', key: 'extra', width: 30 }] : []),
    { header: 'Рівень заповнення', key: 'level', width: 12, style: { numFmt: '0.0%' } },
    { header: 'Заплановано уроків', key: 'planned', width: 11 },
    ...FILL_COMPONENTS.map((c) => ({ header: COMPONENT_LABEL[c], key: c, width: 14, style: { numFmt: '0.0%' } })),
  ];
  for (const r of rows) {
    ws.addRow({ name: r.key.name, extra: extra?.(r), level: r.figures.level, planned: r.figures.planned, ...r.figures.shares });
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The weekly report as an XLSX workbook: summary, teachers, classes, subjects, pages, quality. */
export async function weeklyReportXlsx(week: string, data: TWeeklyReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klasnyi';
  wb.created = new Date();
  const sum = wb.addWorksheet('Підсумок');
  sum.columns = [{ width: 44 }, { width: 16 }, { width: 18 }];
  sum.addRow([`Рівень заповнення журналів: ${data.schoolName}`]).font = { bold: true, size: 13 };
  sum.addRow([`Тиждень ${week}: ${uaDate(data.period.from)} – ${uaDate(data.period.to)}`]);
  sum.addRow([]);
  const head = sum.addRow(['Показник', 'Частка', 'Є / очікується']);
  head.font = { bold: true };
  head.fill = HEADER_FILL;
  const f = data.school;
  const pairs: Record<string, [number, number]> = {
    held: [f.held, f.planned],
    topic: [f.withTopic, f.planned],
    homework: [f.withHomework, f.homeworkExpected],
    attendance: [f.withAttendance, f.planned],
    timeliness: [f.onTime, f.planned],
    density: [f.pupils - f.pupilsWithoutRecentMark, f.pupils],
    summative: [f.summativePresent, f.summativeExpected],
  };
  for (const c of FILL_COMPONENTS) {
    const row = sum.addRow([COMPONENT_LABEL[c], f.shares[c], `${pairs[c][0]} / ${pairs[c][1]}`]);
    row.getCell(2).numFmt = '0.0%';
  }
  const level = sum.addRow(['Рівень заповнення (зважене середнє)', f.level]);
  level.font = { bold: true };
  level.getCell(2).numFmt = '0.0%';
  sum.addRow([]);
  sum.addRow(['Якість даних']).font = { bold: true };
  for (const [k, n] of Object.entries(data.quality)) sum.addRow([QUALITY_LABEL[k as TQualityKind], n]);
  sum.addRow(['Пізні виправлення, що чекають перегляду', data.lateChangesPending]);
  sum.addRow(['Відкриті зауваження', data.remarks.open]);
  sum.addRow(['Прострочені зауваження', data.remarks.overdue]);

  rowsSheet(wb, 'Вчителі', 'Вчитель', data.byTeacher);
  rowsSheet(wb, 'Класи', 'Клас', data.byClass);
  rowsSheet(wb, 'Предмети', 'Предмет', data.bySubject);
  const teacherOf = new Map(data.byPage.map((p) => [p.key.id, p.teacherName]));
  rowsSheet(wb, 'Сторінки', 'Сторінка журналу', data.byPage, (r) => teacherOf.get(r.key.id) ?? '');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
