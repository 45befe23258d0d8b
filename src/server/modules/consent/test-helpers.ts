import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The smallest bytes that read as a PNG file (the signature and an IHDR chunk start). */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of a PDF (pdftotext from poppler-utils), or null where it is not installed. */
export function pdfText(pdf: Buffer): string | null {
  if (!hasPdftotext()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'klasnyi-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the PDF embeds a DejaVu TrueType font (so Cyrillic shows on any machine). */
export function embedsDejaVu(pdf: Buffer): boolean {
  const s = pdf.toString('latin1');
  return s.startsWith('%PDF-') && /\/FontFile2/.test(s) && /DejaVu/.test(s);
}
