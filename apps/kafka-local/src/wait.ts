import { setTimeout as delay } from "node:timers/promises";

/**
 * Polls `check` until it returns a value other than `undefined`, or the time runs out.
 * Only for things we cannot subscribe to (a port starting to answer, a foreign pid going away).
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs: number; intervalMs?: number; abort?: AbortSignal },
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.abort?.throwIfAborted();
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await delay(options.intervalMs ?? 200, undefined, { signal: options.abort });
  }
}

/** Resolves `true` if `promise` settles within `timeoutMs`, `false` otherwise. */
export async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  const controller = new AbortController();
  const timedOut = delay(timeoutMs, false, { signal: controller.signal }).catch(() => false);
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    controller.abort();
  }
}
