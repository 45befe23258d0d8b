import type { Database } from '../../db/database.js';

/**
 * Rendered journal grids (pupils, lessons, columns, cells, summary marks as JSON text), kept in
 * the server's memory and reused while the page's revision is unchanged. The revision is read
 * from the database in the same statement as the page's facts on every request (see
 * `pageMetaWithRevision`), so a change made through any server, or by SQL, is seen at once: the
 * cache saves the work of building the grid, never the check that it is still true.
 */
export interface CachedGrid {
  revision: string;
  /** the grid's part of the page JSON, UTF-8 encoded */
  json: Buffer;
}

/** Memory for cached grids per database (PAGE_CACHE_MB, default 64; 0 turns the cache off). */
const MAX_BYTES = Number(process.env.PAGE_CACHE_MB ?? 64) * 1024 * 1024;

interface Cache {
  entries: Map<string, CachedGrid>;
  bytes: number;
}
const caches = new WeakMap<Database, Cache>();

function cacheOf(db: Database): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), bytes: 0 };
    caches.set(db, cache);
  }
  return cache;
}

/** The period is the semester with its dates (a change of the dates is a new grid). */
export function gridKey(schoolId: number, pageId: number, period: string, variant: string): string {
  return `${schoolId}:${pageId}:${period}:${variant}`;
}

/** The grid built for this revision, if the cache has it (and marks it most recently used). */
export function cachedGrid(db: Database, key: string, revision: string): Buffer | undefined {
  const { entries } = cacheOf(db);
  const hit = entries.get(key);
  if (!hit || hit.revision !== revision) return undefined;
  entries.delete(key);
  entries.set(key, hit);
  return hit.json;
}

/** Keeps a grid, dropping the least recently used ones beyond the memory limit. */
export function keepGrid(db: Database, key: string, revision: string, json: Buffer): void {
  if (json.length > MAX_BYTES) return;
  const cache = cacheOf(db);
  const old = cache.entries.get(key);
  if (old) {
    cache.bytes -= old.json.length;
    cache.entries.delete(key);
  }
  cache.entries.set(key, { revision, json });
  cache.bytes += json.length;
  for (const [k, v] of cache.entries) {
    if (cache.bytes <= MAX_BYTES) break;
    cache.entries.delete(k);
    cache.bytes -= v.json.length;
  }
}
