/**
 * Waits `ms`, or less if `signal` aborts. The abort listener is removed when the time is up: the
 * simulator pauses five times a second on one signal, and listeners left behind would pile up
 * (Node's MaxListenersExceededWarning at start, then a leak).
 */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
