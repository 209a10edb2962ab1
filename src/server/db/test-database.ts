import "server-only";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { describeDatabaseUrl, quoteIdentifier, urlForDatabase } from "./database-url";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";
import { connectOrExplain } from "./reachability";
import { clearStalePostmaster } from "./stale-postmaster";

export type TTestDatabase = {
  /** A database that belongs to this test run alone (migrated, unless made by createEmptyDatabase). */
  databaseUrl: string;
  /** The embedded server's data folder (null on a server of DATABASE_URL): e2e stops and restarts it. */
  dataDir: string | null;
  cleanup(): Promise<void>;
};

export type TProvisionTestDatabaseOptions = {
  /** A server to create the test database on; unset → an embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  /** Wiped before use and removed by cleanup (embedded only). */
  dataDir: string;
  /** Port of the embedded PostgreSQL (embedded only). */
  port: number;
};

/** Gives a test run its own migrated database, so runs never see each other's rows. */
export async function provisionTestDatabase(options: TProvisionTestDatabaseOptions): Promise<TTestDatabase> {
  return options.databaseUrl
    ? provisionOnServer(options.databaseUrl)
    : provisionEmbedded(options.dataDir, options.port);
}

async function provisionOnServer(serverUrl: string): Promise<TTestDatabase> {
  const database = await createEmptyDatabase(serverUrl);
  try {
    await applyMigrations(database.databaseUrl);
  } catch (error) {
    await database.cleanup().catch(() => undefined);
    throw error;
  }
  return database;
}

/**
 * Creates an empty, uniquely named database (`tributary_test_<random>`) on the server of
 * `serverUrl`; cleanup drops it, disconnecting anyone still connected.
 */
export async function createEmptyDatabase(serverUrl: string): Promise<TTestDatabase> {
  const name = `tributary_test_${randomBytes(6).toString("hex")}`;
  // CREATE/DROP DATABASE must be issued from another database; `postgres` always exists.
  const adminUrl = urlForDatabase(serverUrl, "postgres");
  await runAsAdmin(adminUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  return {
    databaseUrl: urlForDatabase(serverUrl, name),
    dataDir: null,
    cleanup: () => runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

async function provisionEmbedded(dataDir: string, port: number): Promise<TTestDatabase> {
  await rm(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, port });
  const removeAll = async () => {
    await server.stop();
    // A test may have stopped the server and started another in the same folder (e2e's outage spec).
    await clearStalePostmaster(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await applyMigrations(server.databaseUrl);
  } catch (error) {
    await removeAll().catch(() => undefined);
    throw error;
  }
  return { databaseUrl: server.databaseUrl, dataDir: path.resolve(dataDir), cleanup: removeAll };
}

async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = await connectOrExplain(adminUrl);
  try {
    await client.query(sql);
  } catch (error) {
    const { host, port } = describeDatabaseUrl(adminUrl);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not prepare a test database on ${host}:${port}: ${reason} — the DATABASE_URL user needs the CREATEDB privilege.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
