/** A failed member waits 5 s, then 10 s, 20 s, 40 s, and a minute from then on, between attempts. */
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60_000;

/** The wait before attempt `failures + 1`, after `failures` (≥ 1) consecutive failures. */
export function retryDelayMs(failures: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}
