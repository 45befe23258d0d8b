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
  held: 'Проведено',
  topic: 'Тема',
  homework: 'Д/з',
  attendance: 'Відвід.',
  timeliness: 'Вчасно',
  density: 'Оцінки',
  summative: 'Підсумк.',
};

/** A table of rows sorted as given (most behind first). */
function fillTable(doc: Doc, keyTitle: string, rows: TFillRow[]): void {
  const data = [
    [keyTitle, 'Рівень', 'Уроків', ...FILL_COMPONENTS.map((c) => SHORT[c])].map((text) => ({ text, type: 'TH' as const, font: { family: 'bold' } })),
    ...rows.map((r) => [r.key.name, percent(r.figures.level), String(r.figures.planned), ...FILL_COMPONENTS.map((c) => percent(r.figures.shares[c]))]),
  ];
  doc.table({ position: { x: MARGIN }, columnStyles: [150, 48, 36, ...FILL_COMPONENTS.map(() => 40)], defaultStyle: { padding: 2, border: 0.4 }, data });
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
  doc.table({
    position: { x: MARGIN },
    columnStyles: [250, 80, 100],
    defaultStyle: { padding: 3, border: 0.4 },
    data: [
      ['Показник', 'Частка', 'Є / очікується'].map((text) => ({ text, type: 'TH' as const, font: { family: 'bold' } })),
      ...FILL_COMPONENTS.map((c) => [COMPONENT_LABEL[c], percent(f.shares[c]), `${pairs[c][0]} / ${pairs[c][1]}`]),
    ],
  });
  heading(doc, 'Якість даних і зауваження');
  doc.table({
    position: { x: MARGIN },
    columnStyles: [330, 100],
    defaultStyle: { padding: 3, border: 0.4 },
    data: [
      ...Object.entries(data.quality).map(([k, n]) => [QUALITY_LABEL[k as TQualityKind], String(n)]),
      ['Пізні виправлення, що чекають перегляду', String(data.lateChangesPending)],
      ['Відкриті зауваження контролера', String(data.remarks.open)],
      ['з них прострочені', String(data.remarks.overdue)],
    ],
  });
  heading(doc, 'За вчителями (спершу ті, хто відстає)');
  fillTable(doc, 'Вчитель', data.byTeacher);
  heading(doc, 'За класами');
  fillTable(doc, 'Клас', data.byClass);
  heading(doc, 'За предметами');
  fillTable(doc, 'Предмет', data.bySubject);
  return finish(doc);
}
