import type { TCellChange, TEntriesResult, TEntryConflict, TEntryProblem, TSummaryChange } from '../../../../shared/api/journal.js';
import { type CellValue, EMPTY_CELL, lessonCellKey, refOfKey, type StoredCell, sameValue, summaryCellKey } from './cells.js';

/** What the server holds now for a cell somebody else changed. */
export interface TheirCell extends StoredCell {
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Where a cell's unsaved change stands. */
export type CellStatus =
  | { kind: 'pending' }
  /** not saved (no connection, server error, year closed…); kept and sent again */
  | { kind: 'failed'; message: string }
  /** refused: the value is not allowed here; not sent until the teacher changes it */
  | { kind: 'invalid'; message: string }
  /** somebody changed the cell since the teacher saw it; the teacher decides */
  | { kind: 'conflict'; theirs: TheirCell }
  /** a change to an old lesson: waits for the teacher's reason */
  | { kind: 'reason'; message: string };

export interface SaveBatch {
  cells: TCellChange[];
  summary: TSummaryChange[];
  reason: string;
}

/** A bulk save's answer, read from the HTTP response by the caller. */
export type SaveOutcome =
  | { kind: 'saved'; result: TEntriesResult }
  | { kind: 'problems'; problems: TEntryProblem[] }
  | { kind: 'conflicts'; conflicts: TEntryConflict[] }
  /** retry: the failure may pass by itself (network, 5xx), so the queue retries with backoff */
  | { kind: 'failed'; message: string; retry: boolean };

export interface QueueSummary {
  /** changes waiting or being sent */
  pending: number;
  failed: number;
  invalid: number;
  conflicts: number;
  reasons: number;
  sending: boolean;
}

export interface SaveQueueOptions {
  send: (batch: SaveBatch) => Promise<SaveOutcome>;
  debounceMs?: number;
  /** waits before automatic retries of a failed batch */
  backoffMs?: number[];
}

interface Entry {
  value: CellValue;
  /** the version the teacher's change is based on (0: the cell was empty) */
  baseVersion: number;
  reason: string;
  /** grows with every edit, so an answer about an older value does not touch a newer one */
  seq: number;
  status: CellStatus;
  /** a block filled by one action: refused as a whole when one of its cells is refused */
  group?: number;
}

/** Problem codes that mean "send again with a reason". */
const REASON_CODES = new Set(['reason_required', 'corrected_reason_required']);

const keyOf = (x: { lessonId?: number; columnId?: number; pupilId?: number }): string | null => {
  if (x.pupilId === undefined) return null;
  if (x.lessonId !== undefined) return lessonCellKey(x.lessonId, x.pupilId);
  if (x.columnId !== undefined) return summaryCellKey(x.columnId, x.pupilId);
  return null;
};

/**
 * The teacher's unsaved changes of one page. Edits show at once; they are sent in bulk after a
 * short pause (one request at a time, so versions stay right), the same cell coalesced to its
 * last value. Nothing is dropped: failures stay queued and retry with backoff; refused values,
 * conflicts and changes that need a reason wait on the cell for the teacher's decision.
 */
export class SaveQueue {
  private readonly stored = new Map<string, StoredCell>();
  private readonly entries = new Map<string, Entry>();
  private inflight: Map<string, number> | null = null;
  private readonly listeners = new Set<(keys: string[]) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private seq = 0;
  private groups = 0;
  private revision = 0;
  private readonly debounceMs: number;
  private readonly backoffMs: number[];

  constructor(private readonly opts: SaveQueueOptions) {
    this.debounceMs = opts.debounceMs ?? 600;
    this.backoffMs = opts.backoffMs ?? [1000, 2000, 5000, 10_000, 30_000];
  }

  /** Takes what the server sent with the page; a version older than one already known is ignored. */
  absorb(cells: Map<string, StoredCell>): void {
    for (const [key, cell] of cells) {
      if (cell.version >= (this.stored.get(key)?.version ?? 0)) this.stored.set(key, cell);
    }
    this.revision++;
  }

  /** What the cell shows: the teacher's change if there is one, else what is stored. */
  value(key: string): CellValue {
    return this.entries.get(key)?.value ?? this.stored.get(key) ?? EMPTY_CELL;
  }

  /** What the server holds for the cell as far as the page knows. */
  storedValue(key: string): StoredCell | undefined {
    return this.stored.get(key);
  }

  status(key: string): CellStatus | null {
    return this.entries.get(key)?.status ?? null;
  }

  /**
   * Changes a cell. `hold` keeps the change on the cell unsent: a value the client refused
   * ('invalid'), or a change the client knows needs a reason first ('reason').
   */
  edit(key: string, value: CellValue, hold?: { kind: 'invalid' | 'reason'; message: string }, group?: number): void {
    const cur = this.entries.get(key);
    let stored = this.stored.get(key);
    let baseVersion = cur?.baseVersion ?? stored?.version ?? 0;
    if (cur?.status.kind === 'conflict') {
      // typing over a conflict overwrites their value: the change is now based on it
      stored = storedOf(cur.status.theirs);
      this.stored.set(key, stored);
      baseVersion = stored.version;
    }
    const unchanged = sameValue(value, stored ?? EMPTY_CELL) && baseVersion === (stored?.version ?? 0);
    if (hold?.kind !== 'invalid' && unchanged && !this.inflight?.has(key)) this.entries.delete(key);
    else {
      const status: CellStatus = hold ? { kind: hold.kind, message: hold.message } : { kind: 'pending' };
      this.entries.set(key, { value, baseVersion, reason: '', seq: ++this.seq, status, group });
    }
    this.changed([key]);
    if (!hold) this.schedule(this.debounceMs);
  }

  /** A new block id for `edit`: the cells of one bulk action are saved together or not at all. */
  newGroup(): number {
    return ++this.groups;
  }

  /** Sends what is queued now (on blur, on leaving the page, on "Retry"). */
  flushNow(): Promise<void> {
    this.attempt = 0;
    return this.flush();
  }

  /** The teacher's "keep theirs": the cell takes the server's value and the change is dropped. */
  keepTheirs(keys: string[] = this.keysWith('conflict')): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry?.status.kind !== 'conflict') continue;
      this.stored.set(key, storedOf(entry.status.theirs));
      this.entries.delete(key);
    }
    this.changed(keys);
  }

  /** The teacher's "overwrite": the change is sent again, based on the version the server has now. */
  overwrite(keys: string[] = this.keysWith('conflict')): Promise<void> {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry?.status.kind !== 'conflict') continue;
      this.stored.set(key, storedOf(entry.status.theirs));
      entry.baseVersion = entry.status.theirs.version;
      entry.status = { kind: 'pending' };
    }
    this.changed(keys);
    return this.flushNow();
  }

  /** Sends the changes that wait for a reason again, with it. */
  giveReason(reason: string): Promise<void> {
    const keys = this.keysWith('reason');
    for (const key of keys) {
      const entry = this.entries.get(key)!;
      entry.reason = reason;
      entry.status = { kind: 'pending' };
    }
    this.changed(keys);
    return this.flushNow();
  }

  /** Drops the teacher's changes of these cells: they show what is stored again. */
  discard(keys: string[]): void {
    for (const key of keys) if (!this.inflight?.has(key)) this.entries.delete(key);
    this.changed(keys);
  }

  keysWith(kind: CellStatus['kind']): string[] {
    return [...this.entries].filter(([, e]) => e.status.kind === kind).map(([key]) => key);
  }

  summary(): QueueSummary {
    const s: QueueSummary = { pending: 0, failed: 0, invalid: 0, conflicts: 0, reasons: 0, sending: this.inflight !== null };
    for (const e of this.entries.values()) {
      if (e.status.kind === 'pending') s.pending++;
      else if (e.status.kind === 'failed') s.failed++;
      else if (e.status.kind === 'invalid') s.invalid++;
      else if (e.status.kind === 'conflict') s.conflicts++;
      else s.reasons++;
    }
    return s;
  }

  /** Keys of the cells that show a pencil (tentative) mark now: stored ones not changed since, and changed ones. */
  tentativeKeys(): string[] {
    const keys: string[] = [];
    for (const [key, cell] of this.stored) if (cell.tentative && !this.entries.has(key)) keys.push(key);
    for (const [key, entry] of this.entries) if (entry.value.tentative) keys.push(key);
    return keys;
  }

  /** Some change is not on the server yet (whatever its status). */
  hasUnsaved(): boolean {
    return this.entries.size > 0;
  }

  /** Calls back with the keys of cells whose value or status changed. */
  subscribe(listener: (keys: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Grows on every change: a snapshot for useSyncExternalStore. */
  getRevision(): number {
    return this.revision;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private changed(keys: string[]): void {
    this.revision++;
    for (const l of this.listeners) l(keys);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // one request at a time: what is queued meanwhile goes when the answer is in
    if (this.inflight) return;
    const ready = [...this.entries].filter(([, e]) => e.status.kind === 'pending' || e.status.kind === 'failed');
    if (ready.length === 0) return;
    // one request carries one reason: changes that need none go first, the rest follow
    const reason = ready[0][1].reason;
    const batch = ready.filter(([, e]) => e.reason === reason);
    this.inflight = new Map(batch.map(([key, e]) => [key, e.seq]));
    for (const [, e] of batch) e.status = { kind: 'pending' };
    this.changed(batch.map(([key]) => key));
    let outcome: SaveOutcome;
    try {
      outcome = await this.opts.send(toBatch(batch, reason));
    } catch (err) {
      outcome = { kind: 'failed', message: err instanceof Error ? err.message : String(err), retry: true };
    }
    const sent = this.inflight;
    this.inflight = null;
    this.settle(outcome, sent);
    const more = [...this.entries.values()].some((e) => e.status.kind === 'pending');
    const backingOff = outcome.kind === 'failed' && outcome.retry;
    if (more && !backingOff) this.schedule(0);
  }

  private settle(outcome: SaveOutcome, sent: Map<string, number>): void {
    const current = (key: string | null) => {
      const entry = key ? this.entries.get(key) : undefined;
      return entry && key && sent.get(key) === entry.seq ? entry : undefined;
    };
    if (outcome.kind === 'saved') {
      this.attempt = 0;
      for (const c of outcome.result.cells) this.stored.set(lessonCellKey(c.lessonId, c.pupilId), storedOf(c));
      for (const c of outcome.result.summary) this.stored.set(summaryCellKey(c.columnId, c.pupilId), { mark: c.mark, absent: false, version: c.version });
      for (const key of sent.keys()) {
        const entry = this.entries.get(key);
        if (!entry) continue;
        if (current(key)) this.entries.delete(key);
        else entry.baseVersion = this.stored.get(key)?.version ?? entry.baseVersion;
      }
    } else if (outcome.kind === 'problems') {
      const named = new Set<string>();
      for (const p of outcome.problems) {
        const key = keyOf(p);
        const entry = current(key);
        if (!entry || !key) continue;
        named.add(key);
        entry.status = REASON_CODES.has(p.code) ? { kind: 'reason', message: p.message } : { kind: 'invalid', message: p.message };
      }
      this.holdGroups(sent, named, outcome.problems.every((p) => REASON_CODES.has(p.code)) ? outcome.problems[0]?.message : null);
    } else if (outcome.kind === 'conflicts') {
      this.holdGroups(sent, new Set(outcome.conflicts.map((c) => keyOf(c)).filter((k): k is string => k !== null)), null);
      for (const c of outcome.conflicts) {
        const key = keyOf(c);
        const entry = current(key);
        if (!entry || !key) continue;
        const theirs: TheirCell = { ...storedOf({ mark: c.mark, absent: c.absent ?? false, tentative: c.tentative, version: c.version }), updatedBy: c.updatedBy, updatedAt: c.updatedAt };
        // they stored the very value the teacher typed: nothing to decide
        if (sameValue(theirs, entry.value)) {
          this.stored.set(key, storedOf(theirs));
          this.entries.delete(key);
        } else entry.status = { kind: 'conflict', theirs };
      }
    } else {
      for (const key of sent.keys()) {
        const entry = current(key);
        if (entry) entry.status = { kind: 'failed', message: outcome.message };
      }
      if (outcome.retry) this.schedule(this.backoffMs[Math.min(this.attempt++, this.backoffMs.length - 1)]);
    }
    this.changed([...sent.keys()]);
  }

  /**
   * A block is saved whole or not at all: when some of its cells were refused, the others are not
   * sent again on their own. They wait for the same reason, or (any other refusal) show what is
   * stored again, while the refused cells keep their messages.
   */
  private holdGroups(sent: Map<string, number>, named: Set<string>, reasonMessage: string | null | undefined): void {
    const groups = new Set([...named].map((key) => this.entries.get(key)?.group).filter((g): g is number => g !== undefined));
    if (groups.size === 0) return;
    for (const key of sent.keys()) {
      const entry = this.entries.get(key);
      if (!entry || named.has(key) || entry.group === undefined || !groups.has(entry.group) || sent.get(key) !== entry.seq) continue;
      if (reasonMessage) entry.status = { kind: 'reason', message: reasonMessage };
      else this.entries.delete(key);
    }
  }
}

const storedOf = (c: StoredCell): StoredCell => (c.tentative ? { mark: c.mark, absent: c.absent, version: c.version, tentative: true } : { mark: c.mark, absent: c.absent, version: c.version });

function toBatch(batch: Array<[string, Entry]>, reason: string): SaveBatch {
  const out: SaveBatch = { cells: [], summary: [], reason };
  for (const [key, e] of batch) {
    const ref = refOfKey(key);
    if (ref.kind === 'lesson') {
      out.cells.push({ lessonId: ref.lessonId, pupilId: ref.pupilId, mark: e.value.mark, absent: e.value.absent, tentative: !!e.value.tentative, version: e.baseVersion });
    }
    else out.summary.push({ columnId: ref.columnId, pupilId: ref.pupilId, mark: e.value.mark, version: e.baseVersion });
  }
  return out;
}
