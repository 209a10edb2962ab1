import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { AppError } from "~/lib/app-error";
import type { Role } from "~/server/auth/permissions";
import { requireRole } from "~/server/auth/require-role";
import type { Context } from "./context";
import { formatError, toTRPCError } from "./error-formatter";

/** Every procedure carries its permission in its meta; `procedure(role)` is the only way to make one. */
export type ProcedureMeta = { permission: Role };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter: formatError,
    sse: {
      // Keeps proxies from closing a quiet stream and lets the client notice a dead one.
      ping: { enabled: true, intervalMs: 5_000 },
      client: { reconnectAfterInactivityMs: 12_000 },
    },
  });

/**
 * Refuses anonymous callers (UNAUTHORIZED), callers below the declared role (FORBIDDEN), and any
 * procedure that forgot to declare one — before the procedure runs, so before Kafka is asked.
 * Queries, mutations and subscriptions all pass through here.
 */
const enforcePermission = t.middleware(async ({ ctx, meta, path, next }) => {
  if (!meta?.permission) {
    throw new TRPCError({ code: "FORBIDDEN", message: `The procedure ${path} declares no permission.` });
  }
  let actor;
  try {
    actor = requireRole(ctx.actor, meta.permission);
  } catch (error) {
    throw error instanceof AppError ? toTRPCError(error) : error;
  }
  const result = await next({ ctx: { ...ctx, actor } });
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Errors thrown while a subscription streams bypass the middleware above, and tRPC would send an
 * AppError as a 500 — which its SSE client retries forever. Wrapping the stream gives each its own
 * code, so a missing topic ends the stream with its sentence. Every subscription streams through it.
 */
export async function* withAppErrors<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw error instanceof AppError ? toTRPCError(error) : error;
  }
}

export function procedure(permission: Role) {
  return t.procedure.meta({ permission }).use(enforcePermission);
}
