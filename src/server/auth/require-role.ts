import "server-only";
import { AppError } from "~/lib/app-error";
import type { Actor } from "./actor";
import { hasRole, roleRefusal, type Role } from "./permissions";

export const SIGN_IN_SENTENCE = "Sign in to use Tributary.";

/**
 * The one permission check, shared by the tRPC middleware and plain route handlers (the message
 * export): anonymous callers are UNAUTHENTICATED, callers below `required` are FORBIDDEN, each
 * with the sentence the user reads.
 */
export function requireRole(actor: Actor | null, required: Role): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", SIGN_IN_SENTENCE, "Open Tributary in the browser and sign in.");
  if (!hasRole(actor.role, required)) throw new AppError("FORBIDDEN", roleRefusal(required, actor.role));
  return actor;
}
