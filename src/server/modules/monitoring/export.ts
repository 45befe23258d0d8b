import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { TMonitoring, TMonitoringSchool } from '../../../shared/api/monitoring.js';
import { weekBounds } from '../control/period.js';
import { decimal, percent, uaDate } from '../control/report.labels.js';

const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const pct = (x: number | null) => (x == null ? '—' : percent(x));
const num = (x: number | null) => (x == null ? '—' : decimal(x));
/** '2026-Q4' as 'IV квартал 2026' */
const quarterName = (q: string) => `${['I', 'II', 'III', 'IV'][Number(q.slice(6)) - 1]} квартал ${q.slice(0, 4)}`;
/** an ISO week '2026-W41' by the date of its Monday: '05.10' (short) or '05.10.2026' */
const weekLabel = (week: string, short: boolean) => uaDate(weekBounds(week).from).slice(0, short ? 5 : 10);

/** The columns of both exports: a school's figures as shares (no names of people, no marks). */
const COLUMNS: { title: string; short: string; width: number; value: (s: TMonitoringSchool) => number | string | null; fmt: 'pct' | 'num' | 'text' | 'int' }[] = [
  { title: 'Місце', short: '№', width: 22, value: (s) => s.rank, fmt: 'int' },
  { title: 'Заклад', short: 'Заклад', width: 130, value: (s) => s.schoolName, fmt: 'text' },
  { title: 'Рівень заповнення', short: 'Заповн.', width: 46, value: (s) => s.fillLevel, fmt: 'pct' },
  { title: 'Прапорці якості на 100 уроків', short: 'Якість/100', width: 50, value: (s) => s.qualityPer100, fmt: 'num' },
  { title: 'Зауваження: відкриті', short: 'Заув.', width: 32, value: (s) => s.remarksOpen, fmt: 'int' },
  { title: 'Частка прострочених зауважень', short: 'Простр.', width: 42, value: (s) => s.remarksOverdueShare, fmt: 'pct' },
  { title: 'Покриття згодами', short: 'Згоди', width: 42, value: (s) => s.consentShare, fmt: 'pct' },
  { title: 'Виконано заходів плану', short: 'План', width: 40, value: (s) => s.planDoneShare, fmt: 'pct' },
  { title: 'Комп’ютерів на вчителя', short: 'ПК/вч.', width: 38, value: (s) => s.computersPerTeacher, fmt: 'num' },
  { title: 'Кабінетів з комп’ютером', short: 'Каб.', width: 40, value: (s) => s.classroomsWithComputerShare, fmt: 'pct' },
  { title: 'Інтернет, Мбіт/с', short: 'Мбіт/с', width: 40, value: (s) => s.internetMbps, fmt: 'num' },
  { title: 'Вчителів відповіли на опитування', short: 'Опит.', width: 40, value: (s) => s.surveyAnsweredShare, fmt: 'pct' },
  { title: 'Потребують навчання', short: 'Навч.', width: 40, value: (s) => s.needTrainingShare, fmt: 'pct' },
];

function cellText(c: (typeof COLUMNS)[number], s: TMonitoringSchool): string {
  const v = c.value(s);
  if (c.fmt === 'pct') return pct(v as number | null);
  if (c.fmt === 'num') return num(v as number | null);
  return v == null ? '—' : String(v);
}

const title = (m: TMonitoring) => `Квартальний моніторинг: ${m.cityName}, ${quarterName(m.quarter)} (${uaDate(m.from)} – ${uaDate(m.to)})`;

export async function monitoringPdf(m: TMonitoring): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: title(m) } });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(13).text(title(m));
  doc.font('regular').fontSize(8.5).moveDown(0.3)
    .text('Частки, а не кількості: заклади можна порівнювати. Квартали календарні (I — січень–березень, …, IV — жовтень–грудень). Лише узагальнені дані, без імен і оцінок.');
  doc.moveDown(0.6);
  const table = (header: string[], widths: number[], rows: string[][]) => {
    const H = 14;
    const total = widths.reduce((a, b) => a + b, 0);
    const draw = (cells: string[], bold: boolean) => {
      if (doc.y + H > doc.page.height - 36) {
        doc.addPage();
        draw(header, true);
      }
      const y = doc.y;
      if (bold) doc.rect(36, y, total, H).fill('#E7EEF7').fillColor('black');
      doc.font(bold ? 'bold' : 'regular').fontSize(7.5);
      let x = 36;
      cells.forEach((t, i) => {
        doc.text(t, x + 2, y + 3, { width: widths[i] - 4, height: H, lineBreak: false, ellipsis: true, align: i === 1 ? 'left' : 'right' });
        x += widths[i];
      });
      doc.moveTo(36, y + H).lineTo(36 + total, y + H).lineWidth(0.3).strokeColor('#999999').stroke();
      doc.x = 36;
      doc.y = y + H;
    };
    draw(header, true);
    for (const r of rows) draw(r, false);
  };
  table(COLUMNS.map((c) => c.short), COLUMNS.map((c) => c.width), m.schools.map((s) => COLUMNS.map((c) => cellText(c, s))));
  if (m.weeks.length) {
    doc.moveDown(1).font('bold').fontSize(11).text('Рівень заповнення за тижнями (тиждень — за датою його понеділка)', 36, doc.y).moveDown(0.3);
    const w = Math.min(40, Math.floor((770 - 152) / m.weeks.length));
    table(['№', 'Заклад', ...m.weeks.map((x) => weekLabel(x, true))], [22, 130, ...m.weeks.map(() => w)], m.schools.map((s) => [String(s.rank), s.schoolName, ...s.weekly.map((x) => pct(x.level))]));
  }
  doc.moveDown(0.8).font('regular').fontSize(7.5).text(COLUMNS.filter((c) => c.short !== c.title).map((c) => `${c.short} — ${c.title}`).join('; '), 36, doc.y);
  doc.end();
  return done;
}

export async function monitoringXlsx(m: TMonitoring): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klasnyi';
  const ws = wb.addWorksheet('Моніторинг');
  ws.addRow([title(m)]).font = { bold: true, size: 13 };
  ws.addRow(['Частки, а не кількості; квартали календарні; лише узагальнені дані.']);
  const head = ws.addRow(COLUMNS.map((c) => c.title));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.fmt === 'text' ? 36 : 14;
    if (c.fmt === 'pct') ws.getColumn(i + 1).numFmt = '0.0%';
  });
  for (const s of m.schools) ws.addRow(COLUMNS.map((c) => c.value(s)));
  const trend = wb.addWorksheet('За тижнями');
  trend.addRow(['Місце', 'Заклад', ...m.weeks.map((x) => `Тиждень з ${weekLabel(x, false)}`)]).font = { bold: true };
  for (const s of m.schools) trend.addRow([s.rank, s.schoolName, ...s.weekly.map((x) => x.level)]);
  for (let i = 3; i <= m.weeks.length + 2; i++) trend.getColumn(i).numFmt = '0.0%';
  trend.getColumn(2).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
