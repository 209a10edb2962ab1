import "server-only";
import { env } from "~/env";
import { deleteLagSamplesBefore } from "~/server/db/lag-samples";

const DAY_MS = 86_400_000;
/** Retention runs when a sampler starts and then at most hourly: a DELETE per pass would cost more than the pass. */
export const LAG_PRUNE_EVERY_MS = 3_600_000;

/** Deletes lag samples older than the retention (LAG_HISTORY_DAYS); returns how many. */
export function pruneLagHistory(now = Date.now(), days = env.LAG_HISTORY_DAYS): Promise<number> {
  return deleteLagSamplesBefore(new Date(now - days * DAY_MS));
}

// One schedule for the whole process (every cluster's samples share the table), kept across dev reloads.
const prunedKey = Symbol.for("tributary.lag.lastPrunedAt");
type GlobalWithPruned = typeof globalThis & { [prunedKey]?: number };

/** Prunes when the last successful prune is an hour old (or none ran yet); a failure is retried next time. */
export async function pruneLagHistoryIfDue(now = Date.now()): Promise<void> {
  const holder = globalThis as GlobalWithPruned;
  const last = holder[prunedKey];
  if (last !== undefined && now - last < LAG_PRUNE_EVERY_MS) return;
  await pruneLagHistory(now);
  holder[prunedKey] = now;
}
