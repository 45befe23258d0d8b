import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the bytes of attachments live when ATTACHMENTS_DIR is set: one file per content,
 * `<dir>/<schoolId>/<sha256[0..2]>/<sha256>`. Written before the row's transaction commits
 * (through a temporary name, so a half-written file is never read); a file whose transaction
 * then fails stays unreferenced, which is harmless as the same content always maps to the same name.
 */
export function attachmentPath(dir: string, schoolId: number, sha256: string): string {
  return join(dir, String(schoolId), sha256.slice(0, 2), sha256);
}

export async function writeAttachmentFile(dir: string, schoolId: number, sha256: string, bytes: Buffer): Promise<void> {
  const path = attachmentPath(dir, schoolId, sha256);
  await mkdir(join(dir, String(schoolId), sha256.slice(0, 2)), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

export function readAttachmentFile(dir: string, schoolId: number, sha256: string): Promise<Buffer> {
  return readFile(attachmentPath(dir, schoolId, sha256));
}
