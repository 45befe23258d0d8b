import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import type { SaveQueue } from '../../lib/save-queue.js';

/**
 * Keeps changes from being lost: saves at once when the tab is hidden, asks before the tab closes
 * while something is unsaved, and holds an in-app navigation while changes wait for the teacher
 * (conflicts, refused values, reasons, failures). Changes still being sent go on in the background.
 */
export function useLeaveGuard(queue: SaveQueue) {
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void queue.flushNow();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!queue.hasUnsaved()) return;
      void queue.flushNow();
      e.preventDefault();
      e.returnValue = '';
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [queue]);

  return useBlocker(({ currentLocation, nextLocation }) => {
    if (currentLocation.pathname === nextLocation.pathname) return false;
    const s = queue.summary();
    return s.failed + s.invalid + s.conflicts + s.reasons > 0;
  });
}
