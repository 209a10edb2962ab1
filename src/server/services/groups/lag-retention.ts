import "server-only";
import { env } from "~/env";
import { deleteLagSamplesBefore } from "~/server/db/lag-samples";
import { startWorker } from "~/server/workers/worker-registry";

const DAY_MS = 86_400_000;
/** Hourly: a DELETE per sampling pass would cost more than the pass. */
export const LAG_PRUNE_EVERY_MS = 3_600_000;
export const LAG_RETENTION_WORKER = "groups.lag-retention";

/** Deletes lag samples older than the retention (LAG_HISTORY_DAYS); returns how many. */
export function pruneLagHistory(now = Date.now(), days = env.LAG_HISTORY_DAYS): Promise<number> {
  return deleteLagSamplesBefore(new Date(now - days * DAY_MS));
}

/** Prunes at boot and hourly, on one web server (every cluster's samples share the table). */
export function startLagRetention(): void {
  startWorker({
    name: LAG_RETENTION_WORKER,
    description: `Deletes consumer-group lag samples older than ${env.LAG_HISTORY_DAYS} days, hourly.`,
    intervalMs: LAG_PRUNE_EVERY_MS,
    // A failed prune (database away) is tried again within minutes, not hours.
    retryDelayMs: (failures) => Math.min(LAG_PRUNE_EVERY_MS, 60_000 * 2 ** failures),
    scope: "one-server",
    runOnce: async () => {
      await pruneLagHistory();
    },
  });
}
