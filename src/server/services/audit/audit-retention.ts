import "server-only";
import { env } from "~/env";
import { deleteAuditRowsBefore } from "~/server/db/audit-log";
import { startWorker } from "~/server/workers/worker-registry";

const DAY_MS = 86_400_000;
/** After a failed prune (database away) the next try comes sooner than a day. */
const RETRY_MS = 3_600_000;

/** Deletes audit rows older than AUDIT_RETENTION_DAYS; returns how many. */
export function pruneAuditLog(now = Date.now(), days = env.AUDIT_RETENTION_DAYS): Promise<number> {
  return deleteAuditRowsBefore(new Date(now - days * DAY_MS));
}

export const AUDIT_RETENTION_WORKER = "audit.retention";

/** Prunes now (at boot) and then daily, on one web server (they share the audit log). */
export function startAuditRetention(): void {
  startWorker({
    name: AUDIT_RETENTION_WORKER,
    description: `Deletes audit records older than ${env.AUDIT_RETENTION_DAYS} days, daily.`,
    intervalMs: DAY_MS,
    scope: "one-server",
    retryDelayMs: () => RETRY_MS,
    logsItsFailures: true,
    runOnce: async () => {
      try {
        const deleted = await pruneAuditLog();
        if (deleted > 0)
          console.info(`Audit log: deleted ${deleted} rows older than ${env.AUDIT_RETENTION_DAYS} days.`);
      } catch (error) {
        console.warn("Audit log retention could not run; retrying in an hour.", error);
        throw error;
      }
    },
  });
}
