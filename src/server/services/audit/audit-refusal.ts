import "server-only";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";
import { describeDatabaseUrl } from "~/server/db/database-url";

/** host:port of the database, never its credentials. */
function databaseLocation(): string {
  if (!env.DATABASE_URL) return "(DATABASE_URL is not set)";
  const { host, port } = describeDatabaseUrl(env.DATABASE_URL);
  return `${host}:${port}`;
}

/**
 * The sentence for an action refused because its audit row could not be written, e.g. "Tributary
 * could not write the audit record, so the change was not made: the database at 127.0.0.1:5433 is
 * unreachable."
 */
export function auditRefusal(error: unknown, consequence: string): AppError {
  const unreachable = error instanceof AppError && error.code === "DATABASE_UNREACHABLE";
  const why = unreachable ? `the database at ${databaseLocation()} is unreachable` : "the database failed to store it";
  return new AppError(
    unreachable ? "DATABASE_UNREACHABLE" : "INTERNAL",
    `Tributary could not write the audit record, ${consequence}: ${why}.`,
    unreachable ? "Try again when it is back." : "Try again; if it persists, check the server log.",
    { cause: error },
  );
}
