import { useEffect, useState } from 'react';

/**
 * Runs `fn` once the frame after now has been painted (a task after the next animation frame);
 * returns a cancel. A hidden tab draws no frames, so there it runs in the next task.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (document.visibilityState === 'hidden') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * False on the first render, true once the screen it appeared on has been painted: work nobody
 * sees at once (a request for a note shown later) waits until then instead of delaying the paint.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  return painted;
}
