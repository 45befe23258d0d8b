import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { FILL_COMPONENTS, type TFillRow, type TQualityKind, type TWeeklyReportData } from '../../../shared/api/control.js';
import { COMPONENT_LABEL, percent, QUALITY_LABEL, uaDate } from './report.labels.js';

// Fonts come from an npm package, never from the system: a fresh machine has no Cyrillic fonts.
const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const MARGIN = 40;

type Doc = PDFKit.PDFDocument;

function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(12).text(text, MARGIN, doc.y).font('regular').fontSize(8.5).moveDown(0.3);
}

const SHORT: Record<string, string> = {
  held: 'Пров.',
  topic: 'Тема',
  homework: 'Д/з',
  attendance: 'Відв.',
  timeliness: 'Вчасно',
  density: 'Оцінки',
  summative: 'Підс.',
};

const ROW_HEIGHT = 13;

/**
 * A plain grid table drawn line by line (pdfkit's doc.table() measured ~85 ms a row here),
 * breaking pages and repeating the header.
 */
function grid(doc: Doc, widths: number[], header: string[], rows: string[][]): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN) {
      doc.addPage();
      drawRow(header, true);
    }
    const y = doc.y;
    if (bold) doc.rect(MARGIN, y, total, ROW_HEIGHT).fill('#E7EEF7').fillColor('black');
    doc.font(bold ? 'bold' : 'regular').fontSize(7.5);
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, y + 3, { width: widths[i] - 4, height: ROW_HEIGHT, lineBreak: false, ellipsis: true, align: i === 0 ? 'left' : 'right' });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + ROW_HEIGHT).lineTo(MARGIN + total, y + ROW_HEIGHT).lineWidth(0.3).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = y + ROW_HEIGHT;
  };
  drawRow(header, true);
  for (const r of rows) drawRow(r, false);
}

/** A table of rows sorted as given (most behind first). */
function fillTable(doc: Doc, keyTitle: string, rows: TFillRow[]): void {
  grid(
    doc,
    [155, 45, 35, ...FILL_COMPONENTS.map(() => 40)],
    [keyTitle, 'Рівень', 'Уроків', ...FILL_COMPONENTS.map((c) => SHORT[c])],
    rows.map((r) => [r.key.name, percent(r.figures.level), String(r.figures.planned), ...FILL_COMPONENTS.map((c) => percent(r.figures.shares[c]))]),
  );
}

/** The weekly report as a PDF with embedded Cyrillic fonts. */
export async function weeklyReportPdf(week: string, data: TWeeklyReportData): Promise<Buffer> {
  const title = `Рівень заповнення журналів: ${data.schoolName}, тиждень ${week}`;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: 'uk-UA', info: { Title: title, Author: 'Klasnyi', Creator: 'Klasnyi' } });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  doc.font('bold').fontSize(15).text('Рівень заповнення електронних журналів');
  doc.font('regular').fontSize(11).text(`${data.schoolName}. Тиждень ${week}: ${uaDate(data.period.from)} – ${uaDate(data.period.to)}`);
  doc.moveDown(0.5).font('bold').fontSize(13).text(`Рівень заповнення: ${percent(data.school.level)}`);
  doc.font('regular').fontSize(9);
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
  doc.moveDown(0.4);
  grid(doc, [250, 80, 100], ['Показник', 'Частка', 'Є / очікується'], FILL_COMPONENTS.map((c) => [COMPONENT_LABEL[c], percent(f.shares[c]), `${pairs[c][0]} / ${pairs[c][1]}`]));
  heading(doc, 'Якість даних і зауваження');
  grid(doc, [330, 100], ['Показник', 'Кількість'], [
    ...Object.entries(data.quality).map(([k, n]) => [QUALITY_LABEL[k as TQualityKind], String(n)]),
    ['Пізні виправлення, що чекають перегляду', String(data.lateChangesPending)],
    ['Відкриті зауваження контролера', String(data.remarks.open)],
    ['з них прострочені', String(data.remarks.overdue)],
  ]);
  heading(doc, 'За вчителями (спершу ті, хто відстає)');
  fillTable(doc, 'Вчитель', data.byTeacher);
  heading(doc, 'За класами');
  fillTable(doc, 'Клас', data.byClass);
  heading(doc, 'За предметами');
  fillTable(doc, 'Предмет', data.bySubject);
  return finish(doc);
}
