import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

/** Files of each kind a teacher attaches, built in memory for the tests. */
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

export function docx(): Buffer {
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8(contentTypes('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  }));
}

export function pptx(): Buffer {
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8(contentTypes('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml')),
    'ppt/presentation.xml': strToU8('<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'),
  }));
}

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Задачі').addRow(['№', 'Задача']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An OpenDocument file: the `mimetype` entry first and stored uncompressed, as the standard asks. */
export function openDocument(mime: string): Buffer {
  return Buffer.from(zipSync({ mimetype: [strToU8(mime), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') }));
}

/** An old Office (OLE compound) file with the given streams. */
export function ole(streams: string[]): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(cfb, `/${s}`, Buffer.from('content'));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

export function plainZip(): Buffer {
  return Buffer.from(zipSync({ 'readme.txt': strToU8('hello') }));
}

/** A Windows executable's header (what file-type recognises as one). */
export function exe(): Buffer {
  return Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]);
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body: text fields first, then one file. */
export function multipart(file: { name: string; bytes: Buffer; type?: string } | null, fields: Record<string, string> = {}) {
  const boundary = '----klasnyi-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
