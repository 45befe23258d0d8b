import { createHash } from 'node:crypto';
import { AppError } from '../../http/errors.js';

/** The largest scan kept (bytes). */
export const MAX_SCAN_BYTES = 4 * 1024 * 1024;

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The content type read from the file's first bytes (never from what the browser claims), or null. */
export function sniffContentType(content: Buffer): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.type ?? null;
}

export interface Scan {
  content: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
}

/** Decodes and checks an uploaded scan: PDF, JPEG or PNG, not empty, at most 4 MB. */
export function readScan(upload: { fileName: string; contentBase64: string }): Scan {
  const base64 = upload.contentBase64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(base64)) throw new AppError('invalid_scan');
  const content = Buffer.from(base64, 'base64');
  const contentType = sniffContentType(content);
  if (!contentType || content.length === 0 || content.length > MAX_SCAN_BYTES) throw new AppError('invalid_scan');
  const fileName = upload.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  return { content, contentType, fileName, sha256: createHash('sha256').update(content).digest('hex') };
}
