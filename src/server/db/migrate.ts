import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, listMigrationFiles, type TMigrationFile } from "./migration-files";
import { planMigrations, type TAppliedMigration } from "./migration-plan";
import { connectOrExplain } from "./reachability";
import { describeDatabaseUrl, redactPassword } from "./database-url";

export type TApplyMigrationsOptions = {
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
  onApplied?: (name: string) => void;
};

/** The key `prisma migrate` locks on, so our applier and Prisma's never run at the same time. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
const LOCK_WAIT_SECONDS = 60;

/** Prisma's own DDL for its bookkeeping table, column for column, so the Prisma CLI reads our rows. */
const CREATE_PRISMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending prisma/migrations folders and records them in `_prisma_migrations` the way
 * `prisma migrate deploy` does — we cannot run the Prisma schema engine here (see DESIGN.md,
 * "Prisma here"). Idempotent: a second call applies nothing.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: TApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const local = await listMigrationFiles(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = await connectOrExplain(databaseUrl);
  try {
    await takeMigrationLock(client, databaseUrl);
    await client.query(CREATE_PRISMA_MIGRATIONS);
    const pending = planMigrations(local, await readAppliedMigrations(client));
    const applied: string[] = [];
    for (const migration of pending) {
      await applyOne(client, migration, databaseUrl);
      applied.push(migration.name);
      options.onApplied?.(migration.name);
    }
    return { applied };
  } finally {
    // Ending the session releases the advisory lock too; unlock explicitly for pooled servers.
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/**
 * Waits for other appliers (ours or Prisma's) to finish. Bounded, because a lock leaked through a
 * connection pooler would otherwise make start-up hang silently.
 */
async function takeMigrationLock(client: pg.Client, databaseUrl: string): Promise<void> {
  await client.query(`SET lock_timeout = '${LOCK_WAIT_SECONDS}s'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code !== "55P03") throw error;
    const { host, port, database } = describeDatabaseUrl(databaseUrl);
    throw new Error(
      `Another process has held the migration lock on ${host}:${port}/${database} for over ${LOCK_WAIT_SECONDS} seconds — wait for it to finish, or end the session holding advisory lock ${PRISMA_ADVISORY_LOCK_KEY}.`,
    );
  } finally {
    await client.query("RESET lock_timeout");
  }
}

async function readAppliedMigrations(client: pg.Client): Promise<TAppliedMigration[]> {
  const result = await client.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
  return result.rows.map((row) => ({
    migrationName: row.migration_name,
    checksum: row.checksum,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
  }));
}

/**
 * One migration in one transaction: the SQL and its `_prisma_migrations` row commit together, so
 * a failure leaves neither behind and the next run simply retries. (Prisma itself does not wrap
 * migrations; statements that refuse to run in a transaction, like CREATE INDEX CONCURRENTLY,
 * do not belong in these migrations.)
 */
async function applyOne(client: pg.Client, migration: TMigrationFile, databaseUrl: string): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = redactPassword(error instanceof Error ? error.message : String(error), databaseUrl);
    throw new Error(
      `Migration ${migration.name} failed and was rolled back: ${reason.replace(/\.$/, "")} — fix its migration.sql (or the database) and start again.`,
    );
  }
}
