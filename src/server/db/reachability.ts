import "server-only";
import pg from "pg";
import { describeDatabaseUrl, redactPassword } from "./database-url";

const CONNECT_TIMEOUT_MS = 3_000;

/** Fails fast, with one sentence saying where and what to do, when the database cannot be reached. */
export async function assertDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = await connectOrExplain(databaseUrl);
  try {
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects a pg Client; a failure becomes one sentence naming host:port and database — never the
 * password — so callers (applier, start script, test setup) report it the same way.
 */
export async function connectOrExplain(databaseUrl: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<pg.Client> {
  const target = describeDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  // An idle client whose server goes away emits 'error'; without a listener that crashes the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = redactPassword(describeConnectError(error), databaseUrl);
    throw new Error(
      `PostgreSQL at ${target.host}:${target.port} (database "${target.database}") is not reachable (${reason}) — check DATABASE_URL or unset it to use the embedded database.`,
    );
  }
}

/** Turns pg/net errors into a few plain words. */
function describeConnectError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "ETIMEDOUT":
      return "connection timed out";
    case "3D000":
      return "the database does not exist";
    case "28P01":
    case "28000":
      return "authentication failed";
    default:
      return /timeout/i.test(message) ? "connection timed out" : message.replace(/\.$/, "");
  }
}
