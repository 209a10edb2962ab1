/** Batches leave at most this often, so a busy topic costs a tab ~10 events a second, not thousands. */
export const TAIL_BATCH_MS = 100;
/** A subscriber further behind than this loses its oldest messages (counted as skipped). */
export const TAIL_QUEUE_CAPACITY = 2_000;
/** Messages per event; the rest follow in the next one. */
export const TAIL_BATCH_MAX = 500;
