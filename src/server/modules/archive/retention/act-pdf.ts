import type { TDestructionAct } from '../../../../shared/api/retention.js';
import { dmy, newArchivePdf, PAGE, put } from '../pdf/doc.js';
import { drawTable } from '../pdf/table.js';

const KINDS: [string, string][] = [
  ['summary-sheet', 'Зведена відомість'],
  ['class-teacher', 'Сторінки класного керівника'],
  ['journal', 'Класний журнал'],
  ['remarks', 'Зауваження'],
  ['history', 'Історія змін'],
  ['school', 'Відомості про заклад'],
];

/** The document type of an archive file in words, with its format from the file's extension. */
export function kindInWords(kind: string, path: string): string {
  const name = KINDS.find(([k]) => kind.startsWith(k))?.[1] ?? kind;
  return `${name} (${(path.split('.').pop() ?? '').toUpperCase()})`;
}

/**
 * The act of destruction (акт про вилучення для знищення документів, не внесених до НАФ) as
 * PDF/A: what was destroyed (with each file's SHA-256 and the manifest that listed it), why,
 * and who approved it.
 */
export async function actPdf(x: { schoolName: string; act: TDestructionAct }): Promise<Buffer> {
  const { act } = x;
  const { doc } = newArchivePdf({
    title: `Акт № ${act.number} про вилучення для знищення документів`,
    subject: x.schoolName,
    author: act.approvedBy,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = PAGE.width - 2 * PAGE.margin;
  doc.addPage();
  doc.font('b').fontSize(9);
  put(doc, x.schoolName, PAGE.margin, PAGE.margin);
  doc.font('r').fontSize(9);
  put(doc, `ЗАТВЕРДЖУЮ: керівник закладу ${act.approvedBy}, ${dmy(act.approvedOn)}`, PAGE.width - PAGE.margin - 330, PAGE.margin);
  doc.font('b').fontSize(12);
  doc.text(`АКТ № ${act.number}`, PAGE.margin, PAGE.margin + 30, { width, align: 'center' });
  doc.text('про вилучення для знищення документів, не внесених до Національного архівного фонду', { width, align: 'center' });
  doc.font('r').fontSize(9).moveDown(0.8);
  doc.text(`Дата: ${dmy(act.approvedOn)}. Підстава: ${act.reason}`, { width });
  doc.text(
    'Відібрано для знищення як такі, що не мають культурної цінності та втратили практичне значення, електронні документи архіву класних журналів, строк зберігання яких закінчився:',
    { width },
  );
  const top = doc.y + 8;
  let first = true;
  const columns = [
    { title: '№', width: 24, center: true },
    { title: 'Навчальний рік, версія архіву', width: 92 },
    { title: 'Клас', width: 34, center: true },
    { title: 'Вид документа', width: 150 },
    { title: 'Файл', width: 160 },
    { title: 'Строк зберігання, років', width: 58, center: true },
    { title: 'Зберігати до', width: 58, center: true },
    { title: 'Обсяг, байт', width: 60, center: true },
    { title: 'SHA-256', width: width - 636 },
  ];
  const rows = act.items.map((f, i) => [
    String(i + 1),
    `${f.yearName}, в. ${f.version}`,
    f.classLabel ?? '—',
    kindInWords(f.kind, f.path),
    f.path,
    String(f.retentionYears),
    dmy(f.retainUntil),
    String(f.bytes),
    f.sha256,
  ]);
  drawTable(doc, columns, rows, () => {
    if (first) {
      first = false;
      return top;
    }
    doc.addPage();
    return PAGE.margin;
  }, 7);
  const manifests = [...new Set(act.items.map((f) => `${f.yearName}, в. ${f.version}: ${f.manifestSha256 ?? '—'}`))];
  doc.font('r').fontSize(9);
  if (doc.y > PAGE.height - PAGE.margin - 120) doc.addPage();
  doc.text(`Разом: ${act.files} файл(ів), ${act.bytes} байт.`, PAGE.margin, doc.y + 10, { width });
  doc.text('SHA-256 маніфестів архівів, у яких перелічено ці файли (маніфести й підписи зберігаються):', { width });
  for (const m of manifests) doc.text(`• ${m}`, { width });
  doc.moveDown(0.8);
  doc.text('Файли вилучено зі сховища після затвердження акта. Метадані кожного файлу (шлях, вид, обсяг, SHA-256, строк зберігання) та цей акт зберігаються в системі «Класний».', { width });
  doc.moveDown(1.2);
  doc.text(`Керівник закладу  ____________________  ${act.approvedBy}`, { width });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
