import { type Doc, PAGE, put, TextBatch } from './doc.js';

export interface TableColumn {
  title: string;
  width: number;
  center?: boolean;
}

/**
 * A ruled table that continues on new pages (with its heading repeated); long texts wrap.
 * newPage() adds a page, draws its header and returns where the table may start.
 */
export function drawTable(doc: Doc, columns: TableColumn[], rows: string[][], newPage: () => number, fontSize = 8): void {
  const left = PAGE.margin;
  const right = left + columns.reduce((a, c) => a + c.width, 0);
  const bottom = PAGE.height - PAGE.margin;
  const charW = fontSize * 0.5;
  let y = 0;
  const batch = new TextBatch(doc);
  let ruled = false;
  const rules = () => {
    if (ruled) doc.lineWidth(0.25).stroke();
    ruled = false;
  };
  const start = () => {
    batch.flush();
    rules();
    y = newPage();
    doc.font('b').fontSize(fontSize);
    const h = Math.max(...columns.map((c) => doc.heightOfString(c.title, { width: c.width - 4 }))) + 4;
    let x = left;
    for (const c of columns) {
      doc.text(c.title, x + 2, y + 2, { width: c.width - 4, align: c.center ? 'center' : 'left' });
      x += c.width;
    }
    doc.moveTo(left, y).lineTo(right, y).moveTo(left, y + h).lineTo(right, y + h).lineWidth(0.5).stroke();
    y += h;
    doc.font('r').fontSize(fontSize);
  };
  start();
  for (const row of rows) {
    const wraps = row.map((t, k) => t.length * charW > columns[k].width - 4);
    const h = Math.max(fontSize + 5, ...row.map((t, k) => (wraps[k] ? doc.heightOfString(t, { width: columns[k].width - 4 }) + 4 : 0)));
    if (y + h > bottom) start();
    let x = left;
    row.forEach((t, k) => {
      const c = columns[k];
      if (wraps[k]) doc.text(t, x + 2, y + 2, { width: c.width - 4 });
      else if (c.center) batch.center(t, x, y + 2.5, c.width);
      else batch.add(t, x + 2, y + 2.5);
      x += c.width;
    });
    y += h;
    doc.moveTo(left, y).lineTo(right, y);
    ruled = true;
  }
  rules();
  batch.flush();
}

/** A page with a title block; returns the y where content may start. */
export function titledPage(doc: Doc, title: string, subtitle: string): number {
  doc.addPage();
  doc.font('b').fontSize(11);
  put(doc, title, PAGE.margin, PAGE.margin);
  doc.font('r').fontSize(8);
  put(doc, subtitle, PAGE.margin, PAGE.margin + 14);
  return PAGE.margin + 30;
}
