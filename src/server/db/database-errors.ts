import "server-only";
import { AppError } from "~/lib/app-error";

/** Connection failures as node-postgres and Prisma's driver adapter report them. */
const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|DatabaseNotReachable|Connection terminated|P1001|connect/i;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? ` ${describe(error.cause)}` : "";
  return `${error.name} ${typeof code === "string" ? code : ""} ${error.message}${cause}`;
}

/** Maps an error from the database layer to the sentence a user sees. */
export function toDatabaseAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (UNREACHABLE.test(describe(error))) {
    return new AppError(
      "DATABASE_UNREACHABLE",
      "Tributary's database (PostgreSQL) is unreachable.",
      "Check that PostgreSQL is running and that DATABASE_URL points at it; Tributary retries on the next request.",
      { cause: error },
    );
  }
  return new AppError("INTERNAL", "A database operation failed.", "Try again; if it persists, check the server log.", {
    cause: error,
  });
}

/** Runs a repository call, turning its failures into AppErrors. */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDatabaseAppError(error);
  }
}
