import "server-only";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError } from "~/lib/app-error";
import type { UserMessage } from "~/lib/error-message";
import { requireRole } from "~/server/auth/require-role";
import type { Role } from "~/server/auth/permissions";
import type { TAuditActor } from "~/server/services/audit/audited";
import { serverAllowedHosts } from "./allowed-hosts";
import { createContext } from "./context";
import { toTRPCError } from "./error-formatter";
import { refuseCrossSiteRequest, refuseForeignHost } from "./request-guard";

/**
 * The guarded path of a plain route handler (the message export, the live tail), the same as
 * every tRPC procedure's: a foreign Host or another site's page is refused, then the session's
 * account must hold `required`; a failure answers with its status and sentence. `doing` names the
 * work in the sentence for an unexpected failure ("exporting").
 */
export async function guardedRoute(
  request: Request,
  required: Role,
  doing: string,
  handle: (by: TAuditActor) => Promise<Response>,
): Promise<Response> {
  const allowed = serverAllowedHosts();
  const refusal = refuseForeignHost(request, allowed) ?? refuseCrossSiteRequest(request, allowed);
  if (refusal) return refusal;
  try {
    const { actor, client } = await createContext({ req: request });
    return await handle({ actor: requireRole(actor, required), client });
  } catch (error) {
    const { message, hint } = sentenceFor(error, doing);
    const status = error instanceof AppError ? getHTTPStatusCodeFromError(toTRPCError(error)) : 500;
    return new Response(`${hint ? `${message} ${hint}` : message}\n`, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

/** What the user reads about a failure: an AppError's own sentence, else a generic one (logged, never shown). */
export function sentenceFor(error: unknown, doing: string): UserMessage {
  if (error instanceof AppError) return { message: error.message, hint: error.hint ?? null };
  console.error(`${doing} failed`, error);
  return {
    message: `Something went wrong on the Tributary server while ${doing}.`,
    hint: "Try again; if it persists, check the server log.",
  };
}
