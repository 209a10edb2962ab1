import "server-only";
import { LOCAL_OPERATOR, type Actor } from "~/server/auth/actor";

/** Where a request came from, for the audit trail. Absent for in-process callers (tests, server prefetch). */
export type TRequestClient = { ip: string | null; userAgent: string | null };

export type Context = { actor: Actor; client?: TRequestClient };

export async function createContext(opts?: { req?: Request }): Promise<Context> {
  const headers = opts?.req?.headers;
  const client = headers
    ? { ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: headers.get("user-agent") }
    : undefined;
  return { actor: LOCAL_OPERATOR, client };
}
