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
  json: string;
}

const MAX_ENTRIES = Number(process.env.PAGE_CACHE_ENTRIES ?? 500);
const caches = new WeakMap<Database, Map<string, CachedGrid>>();

function cacheOf(db: Database): Map<string, CachedGrid> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The period is the semester with its dates (a change of the dates is a new grid). */
export function gridKey(schoolId: number, pageId: number, period: string, variant: string): string {
  return `${schoolId}:${pageId}:${period}:${variant}`;
}

/** The grid built for this revision, if the cache has it (and marks it most recently used). */
export function cachedGrid(db: Database, key: string, revision: string): string | undefined {
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (!hit || hit.revision !== revision) return undefined;
  cache.delete(key);
  cache.set(key, hit);
  return hit.json;
}

/** Keeps a grid, dropping the least recently used one beyond MAX_ENTRIES. */
export function keepGrid(db: Database, key: string, revision: string, json: string): void {
  if (MAX_ENTRIES <= 0) return;
  const cache = cacheOf(db);
  cache.delete(key);
  cache.set(key, { revision, json });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}
