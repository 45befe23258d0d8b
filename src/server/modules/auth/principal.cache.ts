import type { TCityMembership, TMembership } from '../../../shared/roles.js';
import type { Database } from '../../db/database.js';

/**
 * A person's memberships (schools with roles, classes led, children; cities), kept in memory
 * under their user id, today and the access version. The session look-up reads the access
 * version with the session on every request (migration 061: every statement on a table the
 * memberships come from bumps it), so a change made anywhere is seen at the next request; the
 * cache only saves building the memberships again while nothing changed. Entries are frozen:
 * they are shared by every request of the person.
 */
export interface Memberships {
  schools: readonly TMembership[];
  cities: readonly TCityMembership[];
}

const MAX_ENTRIES = 20_000;
const caches = new WeakMap<Database, Map<string, Memberships>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function membershipsKey(userId: number, today: string, accessVersion: string): string {
  return `${userId}:${today}:${accessVersion}`;
}

export function cachedMemberships(db: Database, key: string): Memberships | undefined {
  return caches.get(db)?.get(key);
}

/** Keeps a person's memberships (dropping the oldest entries beyond MAX_ENTRIES) and returns them frozen. */
export function keepMemberships(db: Database, key: string, m: Memberships): Memberships {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const frozen = deepFreeze(m);
  cache.set(key, frozen);
  for (const k of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(k);
  }
  return frozen;
}
