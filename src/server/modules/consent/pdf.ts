import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { TNotice } from '../../../shared/api/consent.js';

// Fonts come from an npm package, never from the system: a fresh machine has no Cyrillic fonts.
const require = createRequire(import.meta.url);
const FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
  sans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf'),
};

const MARGIN = { top: 50, bottom: 50, left: 70, right: 50 };
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

function newDoc(title: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    font: FONT.regular,
    lang: 'uk-UA',
    info: { Title: title, Author: 'Klasnyi', Creator: 'Klasnyi' },
    autoFirstPage: false,
  });
  doc.registerFont('regular', FONT.regular);
  doc.registerFont('bold', FONT.bold);
  doc.registerFont('italic', FONT.italic);
  doc.registerFont('sans', FONT.sans);
  doc.registerFont('mono', FONT.mono);
  return doc;
}

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

const width = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;

/** DD.MM.YYYY from an ISO date or timestamp. */
export function uaDate(isoValue: string): string {
  const [y, m, d] = isoValue.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** The school's letterhead: its name and address, with a rule under them. */
function letterhead(doc: Doc, school: { name: string; address: string }): void {
  doc.font('sans').fontSize(9).fillColor(GREY);
  doc.text(school.name.toUpperCase(), MARGIN.left, MARGIN.top, { width: width(doc), align: 'center' });
  if (school.address) doc.text(school.address, { width: width(doc), align: 'center' });
  const y = doc.y + 4;
  doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + width(doc), y).lineWidth(0.7).strokeColor(GREY).stroke();
  doc.fillColor('black').font('regular').fontSize(11);
  doc.y = y + 14;
}

/** A line under the bottom margin; the margin is lifted meanwhile so pdfkit does not start a new page. */
function footer(doc: Doc, text: string): void {
  const y = doc.page.height - MARGIN.bottom + 14;
  doc.page.margins.bottom = 0;
  doc.font('sans').fontSize(7.5).fillColor(GREY).text(text, MARGIN.left, y, { width: width(doc), align: 'center', lineBreak: false });
  doc.page.margins.bottom = MARGIN.bottom;
  doc.fillColor('black');
}

/** A blank to write on, with a small caption under it. */
function blank(doc: Doc, x: number, y: number, w: number, caption: string, prefill = ''): void {
  if (prefill) doc.font('italic').fontSize(10.5).text(prefill, x + 2, y - 13, { width: w - 4, lineBreak: false, ellipsis: true });
  doc.moveTo(x, y).lineTo(x + w, y).lineWidth(0.5).strokeColor('black').stroke();
  doc.font('sans').fontSize(7).fillColor(GREY).text(caption, x, y + 2, { width: w, align: 'center', lineBreak: false });
  doc.fillColor('black').font('regular').fontSize(11);
}

export interface FormFamily {
  pupilName: string;
  birthDate: string | null;
  classLabel: string;
  guardians: { name: string; relation: string }[];
}

const RELATION: Record<string, string> = { mother: 'мати', father: 'батько', parent: 'один із батьків', guardian: 'опікун (піклувальник)' };

function consentPage(doc: Doc, school: { name: string; shortName: string; address: string }, notice: TNotice, f: FormFamily, guardian: { name: string; relation: string } | null): void {
  doc.addPage();
  letterhead(doc, school);
  const right = MARGIN.left + width(doc) * 0.48;
  const rw = width(doc) * 0.52;
  doc.font('regular').fontSize(11).text(`Директору закладу освіти «${school.shortName}»`, right, doc.y, { width: rw });
  doc.y += 22;
  blank(doc, right, doc.y, rw, 'прізвище, ім’я, по батькові', guardian?.name ?? '');
  doc.y += 34;
  doc.font('bold').fontSize(15).text('ЗГОДА', MARGIN.left, doc.y, { width: width(doc), align: 'center', characterSpacing: 3 });
  doc.font('regular').fontSize(11).text('на обробку персональних даних учня та його батьків (законних представників)', { width: width(doc), align: 'center' });
  doc.moveDown(1.2);
  const who = guardian ? `${guardian.name} (${RELATION[guardian.relation] ?? 'один із батьків'})` : '______________________________________________';
  const born = f.birthDate ? `, ${uaDate(f.birthDate)} р. н.` : '';
  doc.text(
    `Я, ${who}, як батько, мати або інший законний представник учня (учениці) ${f.pupilName}${born}, ${f.classLabel} класу, ` +
      `відповідно до статей 6, 8 і 11 Закону України «Про захист персональних даних» надаю закладу освіти «${school.name}» згоду на обробку ` +
      'персональних даних моєї дитини та моїх персональних даних в електронному журналі «Класний» з такою метою:',
    { width: width(doc), align: 'justify', lineGap: 2 },
  );
  doc.moveDown(0.5);
  for (const p of notice.purposes) doc.text(`•  ${p};`, MARGIN.left + 14, doc.y, { width: width(doc) - 14, lineGap: 2 });
  doc.moveDown(0.5);
  doc.text(
    `Я ознайомився (ознайомилася) з повідомленням про обробку персональних даних (версія ${notice.version} від ${uaDate(notice.publishedAt)}, ` +
      'додається), зокрема з моїми правами за статтею 8 Закону, і знаю, що можу відкликати цю згоду в будь-який час письмовою заявою ' +
      'в закладі або в обліковому записі. Дані дитини залишаються в класному журналі незалежно від цієї згоди.',
    MARGIN.left,
    doc.y,
    { width: width(doc), align: 'justify', lineGap: 2 },
  );
  doc.moveDown(1.5);
  const y = doc.y + 14;
  const half = (width(doc) - 20) / 2;
  blank(doc, MARGIN.left, y, half, 'телефон');
  blank(doc, MARGIN.left + half + 20, y, half, 'електронна пошта для повідомлень');
  const sy = y + 56;
  const [dw, pw, gap] = [width(doc) * 0.3, width(doc) * 0.22, 14];
  const nw = width(doc) - dw - pw - 2 * gap;
  doc.font('regular').fontSize(10).text('«___» ____________ 20___ р.', MARGIN.left, sy - 12, { width: dw, lineBreak: false });
  doc.font('sans').fontSize(7).fillColor(GREY).text('дата', MARGIN.left, sy + 2, { width: dw, align: 'center', lineBreak: false });
  doc.fillColor('black');
  blank(doc, MARGIN.left + dw + gap, sy, pw, 'підпис');
  blank(doc, MARGIN.left + dw + pw + 2 * gap, sy, nw, 'ім’я та прізвище', guardian?.name ?? '');
  doc.y = sy + 40;
  doc.font('italic').fontSize(9).fillColor(GREY).text(
    'Заповнений і підписаний бланк поверніть класному керівнику. Скан бланка зберігається в електронному журналі разом із записом про згоду; ' +
      'паперовий оригінал — у справах закладу.',
    MARGIN.left,
    doc.y,
    { width: width(doc), align: 'justify' },
  );
  footer(doc, `Klasnyi · згода на обробку персональних даних · ${f.classLabel} · ${f.pupilName}`);
}

function noticePage(doc: Doc, school: { name: string; address: string }, notice: TNotice, family: string): void {
  doc.addPage();
  letterhead(doc, school);
  doc.font('bold').fontSize(13).text(notice.title, { width: width(doc), align: 'center' });
  doc.font('sans').fontSize(8.5).fillColor(GREY).text(`Версія ${notice.version} від ${uaDate(notice.publishedAt)} · примірник для батьків`, { width: width(doc), align: 'center' });
  doc.fillColor('black').moveDown(1);
  for (const para of notice.body.split(/\n\s*\n/)) {
    doc.font('regular').fontSize(10).text(para.trim(), { width: width(doc), align: 'justify', lineGap: 1.5 });
    doc.moveDown(0.6);
  }
  footer(doc, `Klasnyi · повідомлення про обробку персональних даних · ${family}`);
}

/** Consent forms of one or more families: a pre-filled form for each guardian, then the notice to keep. */
export function consentFormsPdf(x: { school: { name: string; shortName: string; address: string }; notice: TNotice; families: FormFamily[] }): Promise<Buffer> {
  const doc = newDoc('Згода на обробку персональних даних');
  for (const f of x.families) {
    if (!f.guardians.length) consentPage(doc, x.school, x.notice, f, null);
    for (const g of f.guardians) consentPage(doc, x.school, x.notice, f, g);
    noticePage(doc, x.school, x.notice, f.pupilName);
  }
  if (!x.families.length) doc.addPage();
  return finish(doc);
}

export interface LetterFamily {
  pupilName: string;
  consentValid: boolean;
  codes: { personName: string; forPupil: boolean; code: string; expiresAt: string }[];
}

function step(doc: Doc, n: number, text: string): void {
  const y = doc.y;
  doc.font('bold').fontSize(11).text(`${n}.`, MARGIN.left + 6, y, { width: 18 });
  doc.font('regular').text(text, MARGIN.left + 26, y, { width: width(doc) - 26, lineGap: 2 });
  doc.moveDown(0.35);
}

function letterPage(doc: Doc, x: { school: { name: string; address: string }; classLabel: string; classTeacher: string | null; appUrl: string }, f: LetterFamily): void {
  doc.addPage();
  letterhead(doc, x.school);
  doc.font('bold').fontSize(15).text('Запрошення до електронного щоденника', { width: width(doc), align: 'center' });
  doc.moveDown(1);
  doc.font('regular').fontSize(11).text(`Шановні батьки учня (учениці) ${f.pupilName}, ${x.classLabel} клас!`, { width: width(doc) });
  doc.moveDown(0.5);
  doc.text(
    'Наш заклад веде класні журнали в електронній формі. В електронному щоденнику ви бачитимете оцінки, відвідування, ' +
      'домашні завдання та оголошення школи, а також зможете отримувати повідомлення електронною поштою.',
    { width: width(doc), align: 'justify', lineGap: 2 },
  );
  doc.moveDown(0.8);
  // the codes, one row per person
  const col = [width(doc) * 0.45, width(doc) * 0.33, width(doc) * 0.22];
  let y = doc.y;
  doc.rect(MARGIN.left, y, width(doc), 20).fill('#eeeeee').fillColor('black');
  doc.font('sans').fontSize(9);
  ['Для кого', 'Код', 'Дійсний до'].forEach((h, i) => {
    doc.text(h, MARGIN.left + 6 + col.slice(0, i).reduce((a, b) => a + b, 0), y + 6, { width: col[i] - 12, lineBreak: false });
  });
  y += 20;
  for (const c of f.codes) {
    doc.rect(MARGIN.left, y, width(doc), 30).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.font('regular').fontSize(10).text(c.forPupil ? `${c.personName} (учень)` : c.personName, MARGIN.left + 6, y + 9, { width: col[0] - 12, lineBreak: false });
    doc.font('mono').fontSize(14).text(c.code, MARGIN.left + col[0] + 6, y + 7, { width: col[1] - 12, lineBreak: false });
    doc.font('regular').fontSize(10).text(uaDate(c.expiresAt), MARGIN.left + col[0] + col[1] + 6, y + 9, { width: col[2] - 12, lineBreak: false });
    y += 30;
  }
  doc.y = y + 16;
  doc.font('bold').fontSize(12).text('Як увійти', MARGIN.left, doc.y);
  doc.moveDown(0.4);
  const invite = `${x.appUrl.replace(/\/$/, '')}/invite`;
  step(doc, 1, 'Відкрийте в браузері телефону чи комп’ютера адресу:');
  doc.font('mono').fontSize(12).text(invite, MARGIN.left + 26, doc.y, { width: width(doc) - 26 });
  doc.moveDown(0.35);
  step(doc, 2, 'Введіть свій код. Великі латинські літери й цифри; дефіси можна не вводити.');
  step(doc, 3, f.consentValid
    ? 'Прочитайте повідомлення про обробку персональних даних.'
    : 'Прочитайте повідомлення про обробку персональних даних і, якщо згодні, підтвердьте згоду: без неї щоденник не відкривається.');
  step(doc, 4, 'Придумайте логін (латинські літери, цифри, крапка, дефіс) і пароль — щонайменше 10 символів.');
  step(doc, 5, `Готово: щоденник відкриється одразу. Далі входьте на ${x.appUrl} зі своїм логіном і паролем.`);
  doc.moveDown(0.6);
  doc.font('italic').fontSize(10).text(
    'Кожен код діє лише один раз і до зазначеної дати. Не передавайте код стороннім людям. ' +
      (f.codes.some((c) => c.forPupil) ? 'Код учня передайте дитині: з ним учень бачитиме свій щоденник. ' : '') +
      'Якщо код загубився або строк минув, зверніться до класного керівника.',
    MARGIN.left,
    doc.y,
    { width: width(doc), align: 'justify', lineGap: 2 },
  );
  doc.moveDown(2);
  const sy = doc.y + 14;
  doc.font('regular').fontSize(10).text('Класний керівник', MARGIN.left, sy - 12, { lineBreak: false });
  blank(doc, MARGIN.left + width(doc) * 0.3, sy, width(doc) * 0.25, 'підпис');
  blank(doc, MARGIN.left + width(doc) * 0.6, sy, width(doc) * 0.4, 'ім’я та прізвище', x.classTeacher ?? '');
  footer(doc, `Klasnyi · запрошення · ${x.classLabel} · ${f.pupilName}`);
}

/** Invitation letters: one page per family with its codes and plain instructions. */
export function invitationLettersPdf(x: {
  school: { name: string; address: string };
  classLabel: string;
  classTeacher: string | null;
  appUrl: string;
  families: LetterFamily[];
}): Promise<Buffer> {
  const doc = newDoc('Запрошення до електронного щоденника');
  for (const f of x.families) letterPage(doc, x, f);
  if (!x.families.length) doc.addPage();
  return finish(doc);
}
