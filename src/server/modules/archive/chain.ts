import { createHash } from 'node:crypto';

/** The chain starts from 64 zeros; each entry's hash covers the previous hash and the entry. */
export const CHAIN_START = '0'.repeat(64);

/** SHA-256 over the previous hash and the entry's JSON (its fields in the order written). */
export function chainHash(prev: string, entryJson: string): string {
  return createHash('sha256').update(prev).update('\n').update(entryJson).digest('hex');
}

/** Appends entries to a hash chain, one JSON line each with its `prev` and `hash`. */
export class HashChain {
  head = CHAIN_START;
  count = 0;

  /** The line to write for an entry (without prev and hash; those are added here). */
  line(entry: Record<string, unknown>): string {
    const json = JSON.stringify(entry);
    const hash = chainHash(this.head, json);
    const out = `${JSON.stringify({ ...entry, prev: this.head, hash })}\n`;
    this.head = hash;
    this.count++;
    return out;
  }
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: string;
  /** the 1-based line where the chain first breaks */
  brokenAt?: number;
  reason?: 'bad_json' | 'prev_mismatch' | 'hash_mismatch' | 'head_mismatch';
}

/** Checks a chain file line by line and, when given, its head against the manifest's. */
export function checkChain(text: string, expectedHead?: string | null, expectedEntries?: number | null): ChainCheck {
  let prev = CHAIN_START;
  const lines = text.split('\n').filter((l) => l.length > 0);
  for (let i = 0; i < lines.length; i++) {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(lines[i]);
    } catch {
      return { ok: false, entries: i, head: prev, brokenAt: i + 1, reason: 'bad_json' };
    }
    const { prev: p, hash, ...rest } = entry;
    if (p !== prev) return { ok: false, entries: i, head: prev, brokenAt: i + 1, reason: 'prev_mismatch' };
    if (chainHash(prev, JSON.stringify(rest)) !== hash) return { ok: false, entries: i, head: prev, brokenAt: i + 1, reason: 'hash_mismatch' };
    prev = hash as string;
  }
  const headOk = (expectedHead == null || expectedHead === prev) && (expectedEntries == null || expectedEntries === lines.length);
  return headOk ? { ok: true, entries: lines.length, head: prev } : { ok: false, entries: lines.length, head: prev, reason: 'head_mismatch' };
}
