import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { withSystem } from '../../db/tenancy.js';
import { detectAttachmentType } from './detect.js';
import { readAttachmentFile } from './storage.js';

/**
 * `attachments verify [--school ID]`: reads every homework file still attached (from the database
 * or ATTACHMENTS_DIR), checks its SHA-256 and size against its row and its type against its content;
 * prints each problem and a summary. Exit code 0 when all are intact, 2 when any is not.
 */
export async function attachmentsFromCli(db: Database, o: { sub?: string; schoolId?: number; dir?: string }, print: (line: string) => void): Promise<number> {
  if (o.sub !== 'verify') {
    print('Usage: attachments verify [--school ID]');
    return 1;
  }
  const rows = await withSystem(db, async (c) =>
    (
      await c.query(
        `SELECT school_id AS "schoolId", id, file_name AS name, media_type AS "mediaType", size_bytes AS size, sha256, storage
         FROM lesson_attachment WHERE removed_at IS NULL AND ($1::int IS NULL OR school_id = $1) ORDER BY school_id, id`,
        [o.schoolId ?? null],
      )
    ).rows as { schoolId: number; id: number; name: string; mediaType: string; size: number; sha256: string; storage: 'db' | 'dir' }[],
  );
  let bad = 0;
  let bytesTotal = 0;
  for (const r of rows) {
    const problem = await checkOne(db, r, o.dir);
    bytesTotal += r.size;
    if (problem) {
      bad++;
      print(`school ${r.schoolId} file ${r.id} «${r.name}»: ${problem}`);
    }
  }
  print(`${rows.length} files, ${(bytesTotal / 1024 / 1024).toFixed(1)} MB: ${rows.length - bad} intact, ${bad} with problems`);
  return bad ? 2 : 0;
}

async function checkOne(db: Database, r: { schoolId: number; id: number; mediaType: string; size: number; sha256: string; storage: 'db' | 'dir' }, dir?: string): Promise<string | null> {
  let bytes: Buffer;
  if (r.storage === 'db') {
    bytes = await withSystem(db, async (c) => (await c.query('SELECT content FROM lesson_attachment WHERE school_id = $1 AND id = $2', [r.schoolId, r.id])).rows[0].content);
  } else {
    if (!dir) return 'kept in a folder, but ATTACHMENTS_DIR is not set';
    try {
      bytes = await readAttachmentFile(dir, r.schoolId, r.sha256);
    } catch {
      return 'missing from ATTACHMENTS_DIR';
    }
  }
  if (bytes.length !== r.size) return `size ${bytes.length}, expected ${r.size}`;
  if (createHash('sha256').update(bytes).digest('hex') !== r.sha256) return 'SHA-256 does not match: the content was changed';
  const detected = await detectAttachmentType(bytes);
  if (detected !== r.mediaType) return `content is ${detected ?? 'of no allowed type'}, recorded as ${r.mediaType}`;
  return null;
}
