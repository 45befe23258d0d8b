import CFB from 'cfb';
import { fileTypeFromBuffer } from 'file-type';

/** What may be attached to homework, by the type detected from the content. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
};

/** Types a browser may show in place (the rest are downloaded). */
export const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * Old Office files are all OLE compound files: the program is told by the main stream inside.
 * A file with VBA macros is refused (a homework file needs none).
 */
function oleOfficeType(bytes: Uint8Array): string | null {
  let names: string[];
  try {
    names = CFB.read(bytes, { type: 'buffer' }).FullPaths.map((p) => p.replace(/^Root Entry\//, '').replace(/\/$/, ''));
  } catch {
    return null;
  }
  if (names.some((n) => /(^|\/)(_VBA_PROJECT_CUR|Macros|VBA)(\/|$)/i.test(n))) return null;
  const has = (name: string) => names.includes(name);
  if (has('WordDocument')) return 'application/msword';
  if (has('Workbook') || has('Book')) return 'application/vnd.ms-excel';
  if (has('PowerPoint Document')) return 'application/vnd.ms-powerpoint';
  return null;
}

/**
 * The media type of an attachment detected from its bytes, or null when it is not one we take.
 * file-type reads the zip entries of OOXML and OpenDocument files (so a renamed zip, a macro-enabled
 * .docm or an executable is not mistaken for a document); OLE files are opened to find their program.
 */
export async function detectAttachmentType(bytes: Uint8Array): Promise<string | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  if (found.mime === 'application/x-cfb') return oleOfficeType(bytes);
  return found.mime in ALLOWED_TYPES ? found.mime : null;
}
