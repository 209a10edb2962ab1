import "server-only";
import { env } from "~/env";
import { deleteAuditRowsBefore } from "~/server/db/audit-log";

const DAY_MS = 86_400_000;
/** After a failed prune (database away) the next try comes sooner than a day. */
const RETRY_MS = 3_600_000;

/** Deletes audit rows older than AUDIT_RETENTION_DAYS; returns how many. */
export function pruneAuditLog(now = Date.now(), days = env.AUDIT_RETENTION_DAYS): Promise<number> {
  return deleteAuditRowsBefore(new Date(now - days * DAY_MS));
}

const timerKey = Symbol.for("tributary.audit.retentionTimer");
type GlobalWithTimer = typeof globalThis & { [timerKey]?: NodeJS.Timeout };

/** Prunes now (at boot) and then daily, for the life of the server; started once per process. */
export function startAuditRetention(): void {
  const holder = globalThis as GlobalWithTimer;
  if (holder[timerKey]) return;
  const run = async () => {
    let next = DAY_MS;
    try {
      const deleted = await pruneAuditLog();
      if (deleted > 0) console.info(`Audit log: deleted ${deleted} rows older than ${env.AUDIT_RETENTION_DAYS} days.`);
    } catch (error) {
      console.warn("Audit log retention could not run; retrying in an hour.", error);
      next = RETRY_MS;
    }
    holder[timerKey] = setTimeout(() => void run(), next);
    // The schedule must not keep a stopping server alive.
    holder[timerKey].unref();
  };
  holder[timerKey] = setTimeout(() => void run(), 0);
  holder[timerKey].unref();
}
