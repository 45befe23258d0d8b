import { useEffect, useState, useSyncExternalStore } from 'react';
import { refOfKey } from '../../lib/cells.js';
import type { QueueSummary, SaveQueue } from '../../lib/save-queue.js';

/** A revision per pupil row that grows when one of its cells changes, so only that row renders again. */
export function useRowRevisions(queue: SaveQueue): ReadonlyMap<number, number> {
  const [revisions, setRevisions] = useState<ReadonlyMap<number, number>>(() => new Map());
  useEffect(
    () =>
      queue.subscribe((keys) =>
        setRevisions((prev) => {
          const next = new Map(prev);
          for (const key of keys) {
            const pupilId = refOfKey(key).pupilId;
            next.set(pupilId, (next.get(pupilId) ?? 0) + 1);
          }
          return next;
        }),
      ),
    [queue],
  );
  return revisions;
}

/** The queue's counts (pending, failed, conflicts…), kept up to date. */
export function useQueueSummary(queue: SaveQueue): QueueSummary {
  useSyncExternalStore(
    (onChange) => queue.subscribe(onChange),
    () => queue.getRevision(),
  );
  return queue.summary();
}
