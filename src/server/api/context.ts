import "server-only";
import type { Actor } from "~/server/auth/actor";
import { readSessionActor } from "~/server/auth/session-actor";

/** Where a request came from, for the audit trail. Absent for in-process callers (tests, server prefetch). */
export type TRequestClient = { ip: string | null; userAgent: string | null };

/** `actor` is null for anonymous callers; the permission middleware in trpc.ts refuses them. */
export type Context = { actor: Actor | null; client?: TRequestClient };

/**
 * Reads the signed-in account from the request's cookies. `headers` alone serves server-side
 * prefetch (Next's `headers()`); `resHeaders` receives a refreshed session cookie when there is one.
 */
export async function createContext(opts?: {
  req?: Request;
  headers?: Headers;
  resHeaders?: Headers;
}): Promise<Context> {
  const headers = opts?.req?.headers ?? opts?.headers;
  if (!headers) return { actor: null };
  const client = {
    ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    userAgent: headers.get("user-agent"),
  };
  const actor = await readSessionActor(headers, { url: opts?.req?.url, resHeaders: opts?.resHeaders });
  return { actor, client };
}
