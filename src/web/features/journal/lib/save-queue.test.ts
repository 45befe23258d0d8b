import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lessonCellKey, summaryCellKey } from './cells.js';
import { type SaveBatch, type SaveOutcome, SaveQueue } from './save-queue.js';

const A = lessonCellKey(10, 1);
const B = lessonCellKey(10, 2);
const S = summaryCellKey(7, 1);
const mark = (m: string) => ({ mark: m, absent: false });
const absent = { mark: '', absent: true };

/** A queue whose server answers are scripted; every batch sent is recorded. */
function setup(answers: Array<SaveOutcome | ((b: SaveBatch) => SaveOutcome | Promise<SaveOutcome>)> = []) {
  const sent: SaveBatch[] = [];
  const send = vi.fn(async (b: SaveBatch) => {
    sent.push(b);
    const next = answers.shift();
    if (next) return typeof next === 'function' ? next(b) : next;
    return savedAll(b);
  });
  const queue = new SaveQueue({ send, debounceMs: 600, backoffMs: [1000, 2000] });
  queue.absorb(new Map([[B, { mark: '7', absent: false, version: 3 }]]));
  return { queue, sent, send };
}

/** The server's answer when it stores every cell of a batch: version + 1. */
function savedAll(b: SaveBatch): SaveOutcome {
  return {
    kind: 'saved',
    result: {
      cells: b.cells.map((c) => ({ lessonId: c.lessonId, pupilId: c.pupilId, mark: c.mark, absent: c.absent, tentative: !!c.tentative, version: c.version + 1 })),
      summary: b.summary.map((c) => ({ columnId: c.columnId, pupilId: c.pupilId, mark: c.mark, version: c.version + 1 })),
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SaveQueue', () => {
  it('lists the cells that show a pencil mark now: stored ones not changed since, and changed ones', () => {
    const { queue } = setup();
    queue.absorb(new Map([[A, { mark: '9', absent: false, version: 1, tentative: true }]]));
    expect(queue.tentativeKeys()).toEqual([A]);
    queue.edit(A, mark('9'));
    queue.edit(B, { mark: '10', absent: false, tentative: true });
    expect(queue.tentativeKeys()).toEqual([B]);
  });

  it('shows an edit at once and sends it in one batch after the pause, coalescing the same cell', async () => {
    const { queue, sent } = setup();
    queue.edit(A, mark('9'));
    queue.edit(A, mark('10'));
    queue.edit(B, absent);
    queue.edit(S, mark('11'));
    expect(queue.value(A)).toEqual(mark('10'));
    expect(queue.status(A)).toEqual({ kind: 'pending' });
    expect(queue.summary().pending).toBe(3);
    await vi.advanceTimersByTimeAsync(599);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].cells).toEqual([
      { lessonId: 10, pupilId: 1, mark: '10', absent: false, tentative: false, version: 0 },
      { lessonId: 10, pupilId: 2, mark: '', absent: true, tentative: false, version: 3 },
    ]);
    expect(sent[0].summary).toEqual([{ columnId: 7, pupilId: 1, mark: '11', version: 0 }]);
    expect(queue.hasUnsaved()).toBe(false);
    expect(queue.storedValue(B)).toEqual({ mark: '', absent: true, version: 4 });
  });

  it('sends nothing when a cell is set back to what is stored before the pause ends', async () => {
    const { queue, sent } = setup();
    queue.edit(B, mark('8'));
    queue.edit(B, mark('7'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(0);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('keeps an edit made while its cell is in flight and sends it next, based on the new version', async () => {
    let release: () => void = () => {};
    const { queue, sent } = setup([(b) => new Promise((resolve) => (release = () => resolve(savedAll(b))))]);
    queue.edit(A, mark('5'));
    await vi.advanceTimersByTimeAsync(600);
    queue.edit(A, mark('6'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
    expect(queue.value(A)).toEqual(mark('6'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    expect(sent[1].cells).toEqual([{ lessonId: 10, pupilId: 1, mark: '6', absent: false, tentative: false, version: 1 }]);
    expect(queue.storedValue(A)).toEqual({ mark: '6', absent: false, version: 2 });
  });

  it('marks refused cells with the server message and sends the rest again', async () => {
    const { queue, sent } = setup([
      { kind: 'problems', problems: [{ lessonId: 10, pupilId: 1, code: 'pupil_not_on_page', message: 'Учня немає на цій сторінці.' }] },
    ]);
    queue.edit(A, mark('9'));
    queue.edit(B, mark('10'));
    await vi.advanceTimersByTimeAsync(700);
    expect(sent).toHaveLength(2);
    expect(sent[1].cells.map((c) => c.pupilId)).toEqual([2]);
    expect(queue.status(A)).toEqual({ kind: 'invalid', message: 'Учня немає на цій сторінці.' });
    expect(queue.status(B)).toBeNull();
    expect(queue.summary()).toMatchObject({ invalid: 1, pending: 0 });
  });

  it('keeps a client-refused value on the cell without sending it', async () => {
    const { queue, sent } = setup();
    queue.edit(A, mark('13'), { kind: 'invalid', message: 'Значення не належить до шкали сторінки.' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(0);
    expect(queue.value(A)).toEqual(mark('13'));
    expect(queue.status(A)?.kind).toBe('invalid');
    queue.edit(A, mark('12'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent[0].cells[0].mark).toBe('12');
  });

  it('asks for a reason on an old lesson and re-sends the batch with it', async () => {
    const { queue, sent } = setup([
      {
        kind: 'problems',
        problems: [
          { lessonId: 10, pupilId: 1, code: 'reason_required', message: 'Потрібна причина.' },
          { lessonId: 10, pupilId: 2, code: 'reason_required', message: 'Потрібна причина.' },
        ],
      },
    ]);
    queue.edit(A, mark('9'));
    queue.edit(B, mark('10'));
    await vi.advanceTimersByTimeAsync(600);
    expect(queue.summary().reasons).toBe(2);
    expect(queue.status(A)?.kind).toBe('reason');
    await queue.giveReason('Помилка введення');
    expect(sent[1]).toMatchObject({ reason: 'Помилка введення' });
    expect(sent[1].cells).toHaveLength(2);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('holds a change the client knows needs a reason until the reason is given', async () => {
    const { queue, sent } = setup();
    queue.edit(A, mark('9'), { kind: 'reason', message: 'Потрібна причина.' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(0);
    expect(queue.summary().reasons).toBe(1);
    await queue.giveReason('Виправлення помилки');
    expect(sent[0]).toMatchObject({ reason: 'Виправлення помилки', cells: [{ lessonId: 10, pupilId: 1, mark: '9' }] });
  });

  it('drops discarded changes: the cell shows what is stored', () => {
    const { queue } = setup();
    queue.edit(B, mark('1'), { kind: 'reason', message: 'Потрібна причина.' });
    queue.discard([B]);
    expect(queue.value(B)).toMatchObject(mark('7'));
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('shows a conflict with their value; "keep theirs" takes it, "overwrite" re-sends on their version', async () => {
    const conflict = (pupilId: number, m: string): SaveOutcome => ({
      kind: 'conflicts',
      conflicts: [{ lessonId: 10, pupilId, mark: m, absent: false, version: 5, updatedBy: 'Коваль О. П.', updatedAt: '2026-11-28T09:00:00Z' }],
    });
    const { queue, sent } = setup([conflict(1, '4')]);
    queue.edit(A, mark('9'));
    queue.edit(B, mark('10'));
    await vi.advanceTimersByTimeAsync(700);
    expect(queue.status(A)).toMatchObject({ kind: 'conflict', theirs: { mark: '4', version: 5, updatedBy: 'Коваль О. П.' } });
    expect(queue.value(A)).toEqual(mark('9'));
    expect(sent[1].cells.map((c) => c.pupilId)).toEqual([2]);
    expect(queue.summary().conflicts).toBe(1);

    queue.keepTheirs([A]);
    expect(queue.value(A)).toMatchObject(mark('4'));
    expect(queue.hasUnsaved()).toBe(false);

    queue.edit(A, mark('3'));
    await vi.advanceTimersByTimeAsync(700);
    expect(sent[2].cells[0]).toMatchObject({ mark: '3', version: 5 });
  });

  it('overwrites a conflict with the current server version', async () => {
    const { queue, sent } = setup([
      { kind: 'conflicts', conflicts: [{ lessonId: 10, pupilId: 1, mark: '4', absent: false, version: 5, updatedBy: 'X', updatedAt: null }] },
    ]);
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(600);
    await queue.overwrite([A]);
    expect(sent[1].cells[0]).toMatchObject({ mark: '9', version: 5 });
    expect(queue.storedValue(A)).toEqual({ mark: '9', absent: false, version: 6 });
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('takes a conflict silently when they stored the same value', async () => {
    const { queue } = setup([
      { kind: 'conflicts', conflicts: [{ lessonId: 10, pupilId: 1, mark: '9', absent: false, version: 2, updatedBy: 'X', updatedAt: null }] },
    ]);
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(600);
    expect(queue.hasUnsaved()).toBe(false);
    expect(queue.storedValue(A)?.version).toBe(2);
  });

  it('keeps failed changes and retries them with backoff until they are saved', async () => {
    const down: SaveOutcome = { kind: 'failed', message: 'Немає зв’язку', retry: true };
    const { queue, sent } = setup([down, down]);
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(600);
    expect(queue.status(A)).toEqual({ kind: 'failed', message: 'Немає зв’язку' });
    expect(queue.summary().failed).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(3);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('treats a thrown send as a failure to retry, and "retry" sends at once', async () => {
    const { queue, send, sent } = setup();
    send.mockImplementationOnce(async () => {
      throw new Error('offline');
    });
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(600);
    expect(queue.status(A)?.kind).toBe('failed');
    await queue.flushNow();
    expect(sent).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('does not retry a final refusal by itself', async () => {
    const { queue, send } = setup([{ kind: 'failed', message: 'Рік закрито', retry: false }]);
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(queue.status(A)).toEqual({ kind: 'failed', message: 'Рік закрито' });
  });

  it('tells listeners which cells changed', async () => {
    const { queue } = setup();
    const seen: string[][] = [];
    queue.subscribe((keys) => seen.push(keys));
    queue.edit(A, mark('9'));
    await vi.advanceTimersByTimeAsync(600);
    expect(seen.every((keys) => keys.includes(A))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('sends a pencil mark as tentative and keeps it so once saved', async () => {
    const { queue, sent } = setup();
    queue.edit(A, { mark: '10', absent: false, tentative: true });
    await vi.advanceTimersByTimeAsync(600);
    expect(sent[0].cells).toEqual([{ lessonId: 10, pupilId: 1, mark: '10', absent: false, tentative: true, version: 0 }]);
    expect(queue.storedValue(A)).toEqual({ mark: '10', absent: false, tentative: true, version: 1 });
    // confirming is a change of its own, even with the same mark
    queue.edit(A, mark('10'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent[1].cells).toEqual([{ lessonId: 10, pupilId: 1, mark: '10', absent: false, tentative: false, version: 1 }]);
    expect(queue.value(A)).toEqual({ mark: '10', absent: false, version: 2 });
  });

  it('drops the rest of a block when one of its cells is refused, so nothing of it is half-saved', async () => {
    const C = lessonCellKey(10, 3);
    const D = lessonCellKey(11, 1);
    const { queue, sent } = setup([
      { kind: 'problems', problems: [{ lessonId: 10, pupilId: 3, code: 'pupil_not_on_page', message: 'Учня немає на цій сторінці на дату уроку.' }] },
    ]);
    const group = queue.newGroup();
    for (const key of [A, B, C]) queue.edit(key, mark('8'), undefined, group);
    queue.edit(D, mark('5'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
    expect(sent[0].cells).toHaveLength(4);
    // the refused cell keeps its message; its block shows what is stored again; the cell outside the block goes on
    expect(queue.status(C)).toEqual({ kind: 'invalid', message: 'Учня немає на цій сторінці на дату уроку.' });
    expect(queue.value(A)).toEqual({ mark: '', absent: false });
    expect(queue.value(B)).toEqual({ mark: '7', absent: false, version: 3 });
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toHaveLength(2);
    expect(sent[1].cells.map((c) => c.lessonId)).toEqual([11]);
  });

  it('holds a whole block for a reason when the server asks one for some of its cells', async () => {
    const { queue, sent } = setup([{ kind: 'problems', problems: [{ lessonId: 10, pupilId: 1, code: 'reason_required', message: 'Потрібна причина.' }] }]);
    const group = queue.newGroup();
    queue.edit(A, mark('8'), undefined, group);
    queue.edit(B, mark('8'), undefined, group);
    await vi.advanceTimersByTimeAsync(600);
    expect(queue.status(A)).toEqual({ kind: 'reason', message: 'Потрібна причина.' });
    expect(queue.status(B)).toEqual({ kind: 'reason', message: 'Потрібна причина.' });
    await queue.giveReason('Перевірка зошитів');
    expect(sent[1]).toMatchObject({ reason: 'Перевірка зошитів' });
    expect(sent[1].cells).toHaveLength(2);
  });
});
