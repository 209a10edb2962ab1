import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/**
 * Leases of background jobs that must run on one web server at a time. Taking or renewing is one
 * statement: insert, or take over when the lease expired or is already ours. A holder that dies
 * stops renewing, and the lease passes to the next server that asks after it expires.
 */
export function tryTakeLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  return withDatabase(async () => {
    const rows = await getDb().$queryRaw<{ holder: string }[]>`
      INSERT INTO "worker_leases" ("name", "holder", "expires_at")
      VALUES (${name}, ${holder}, now() + make_interval(secs => ${ttlMs / 1000}))
      ON CONFLICT ("name") DO UPDATE
        SET "holder" = EXCLUDED."holder", "expires_at" = EXCLUDED."expires_at"
        WHERE "worker_leases"."holder" = EXCLUDED."holder" OR "worker_leases"."expires_at" < now()
      RETURNING "holder"`;
    return rows.length === 1;
  });
}

/** Gives the lease up at once (a graceful stop), so another server need not wait for it to expire. */
export function releaseLease(name: string, holder: string): Promise<void> {
  return withDatabase(async () => {
    await getDb().workerLease.deleteMany({ where: { name, holder } });
  });
}

export function listLeases(): Promise<{ name: string; holder: string; expiresAt: Date }[]> {
  return withDatabase(() => getDb().workerLease.findMany({ orderBy: { name: "asc" } }));
}
