import "server-only";

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Waits `ms` (nothing when ≤ 0) or until the signal aborts, whichever is first. A plain timer (not
 * timers/promises) so that tests with fake timers drive it; unref'd, because background work must
 * never keep a stopping process alive on its own.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    timer.unref();
    signal.addEventListener("abort", done, { once: true });
  });
}
