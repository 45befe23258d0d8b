import { z } from 'zod';
import { ARCHIVE_FORMAT } from '../../../../shared/api/archive.js';
import type { FileRow } from '../repo.js';
import type { ArchiveYear } from './data.repo.js';

export const MANIFEST_FILE = 'manifest.json';
/** Beside the manifest once an act destroyed some of the archive's files: which, by which act. */
export const DESTROYED_FILE = 'destroyed.json';

const ZManifestFile = z.object({
  path: z.string(),
  kind: z.string(),
  class: z.string().nullable(),
  bytes: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pdfPages: z.number().optional(),
  retentionYears: z.number(),
  retainUntil: z.string(),
  chain: z.object({ head: z.string(), entries: z.number() }).optional(),
});

export const ZManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  kind: z.literal('manifest'),
  school: z.object({ id: z.number(), name: z.string() }).passthrough(),
  year: z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).passthrough(),
  archive: z.object({ id: z.number(), version: z.number(), createdAt: z.string() }),
  hashAlgorithm: z.literal('SHA-256'),
  files: z.array(ZManifestFile),
});
export type TManifest = z.infer<typeof ZManifest>;

/**
 * The manifest: every file of the archive with its SHA-256, size and retention, and for each
 * history file the head of its hash chain. This is the document the head signs.
 */
export function buildManifest(x: { info: ArchiveYear; archive: { id: number; version: number; createdAt: string }; files: FileRow[] }): string {
  const manifest: TManifest = {
    format: ARCHIVE_FORMAT,
    kind: 'manifest',
    school: x.info.school,
    year: x.info.year,
    archive: x.archive,
    hashAlgorithm: 'SHA-256',
    files: [...x.files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => {
        const [head, entries] = (f.chainHead ?? '').split(':');
        return {
          path: f.path,
          kind: f.kind,
          class: f.classLabel ?? null,
          bytes: Number(f.bytes),
          sha256: f.sha256,
          ...(f.pdfPages ? { pdfPages: f.pdfPages } : {}),
          retentionYears: f.retentionYears,
          retainUntil: f.retainUntil,
          ...(f.chainHead ? { chain: { head, entries: Number(entries) } } : {}),
        };
      }),
  };
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

export function parseManifest(text: string): TManifest {
  return ZManifest.parse(JSON.parse(text));
}
