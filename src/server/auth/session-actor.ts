import "server-only";
import { AppError } from "~/lib/app-error";
import { findAccount, type TAccountState } from "~/server/db/accounts";
import { toDatabaseAppError } from "~/server/db/database-errors";
import type { Actor } from "./actor";
import { getAuth, isSecureRequest } from "./auth-instance";
import { isRole } from "./permissions";

/** Seconds an account's role and status are trusted before PostgreSQL is asked again. */
const ACCOUNT_STATE_TTL_MS = 5_000;

type TCached = { state: TAccountState | null; at: number };
const cache = globalThis as typeof globalThis & { __tributaryAccountStates?: Map<string, TCached> };
const states = (cache.__tributaryAccountStates ??= new Map());

/** Forgets what this process knows of an account, so a role change or disabling applies to its next request. */
export function forgetAccountState(userId: string): void {
  states.delete(userId);
}

/**
 * The signed-in account behind a request's cookies, or null (no session, an expired one, or a
 * disabled account). The session may come from better-auth's signed cookie copy; the role and
 * status come from PostgreSQL (cached a few seconds), and from that copy only while PostgreSQL
 * is unreachable. `resHeaders` receives a refreshed cookie copy when better-auth issues one.
 */
export async function readSessionActor(
  headers: Headers,
  options: { url?: string; resHeaders?: Headers } = {},
): Promise<Actor | null> {
  if (!headers.get("cookie")) return null;
  const auth = await getAuth(isSecureRequest(headers, options.url));
  const result = await auth.api.getSession({ headers, returnHeaders: true }).catch((error: unknown) => {
    throw sessionCheckFailure(error);
  });
  const session = result.response;
  if (!session) return null;
  const refreshed = result.headers.get("set-cookie");
  if (refreshed && options.resHeaders) options.resHeaders.append("set-cookie", refreshed);
  const state = await accountState(session.user.id, {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: isRole(session.user.role) ? session.user.role : "viewer",
    disabled: session.user.disabled === true,
    sessionsValidAfter: null,
  });
  if (!state || state.disabled) return null;
  if (state.sessionsValidAfter && new Date(session.session.createdAt) <= state.sessionsValidAfter) return null;
  return { id: state.id, name: state.name, email: state.email, role: state.role };
}

async function accountState(userId: string, fromCookie: TAccountState): Promise<TAccountState | null> {
  const cached = states.get(userId);
  if (cached && Date.now() - cached.at < ACCOUNT_STATE_TTL_MS) return cached.state;
  try {
    const state = await findAccount(userId);
    states.set(userId, { state, at: Date.now() });
    return state;
  } catch (error) {
    // PostgreSQL is down: the signed cookie copy (at most SESSION_CACHE_SECONDS old) is all we have.
    if (error instanceof AppError && error.code === "DATABASE_UNREACHABLE") return cached?.state ?? fromCookie;
    throw error;
  }
}

/**
 * Without a valid signed copy (it lives SESSION_CACHE_SECONDS) the session is only in PostgreSQL.
 * While that is away, say so — the browser keeps its cookies and its pages retry — rather than
 * answer with a generic server error.
 */
function sessionCheckFailure(error: unknown): unknown {
  if (toDatabaseAppError(error).code !== "DATABASE_UNREACHABLE") return error;
  return new AppError(
    "DATABASE_UNREACHABLE",
    "Tributary's database (PostgreSQL) is unreachable, so your sign-in cannot be checked.",
    "You stay signed in; this page carries on by itself when the database is back.",
    { cause: error },
  );
}
