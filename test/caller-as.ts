import { createContext, type Context } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import type { Actor } from "~/server/auth/actor";
import type { Role } from "~/server/auth/permissions";
import { createSignedInAccount } from "~/server/auth/test-accounts";

type TSignedIn = { actor: Actor; cookie: string };
const accounts = new Map<Role, Promise<TSignedIn>>();

/** One real account per role per test file, created and signed in on first use. */
export function signedInAs(role: Role): Promise<TSignedIn> {
  let account = accounts.get(role);
  if (!account) {
    account = createSignedInAccount(role);
    accounts.set(role, account);
  }
  return account;
}

/** The account `callerAs(role)` acts as, e.g. to find its audit rows. */
export async function actorAs(role: Role): Promise<Actor> {
  return (await signedInAs(role)).actor;
}

/** The context a request with that account's session cookie gets — through better-auth, as in production. */
export async function contextAs(role: Role | "anonymous"): Promise<Context> {
  if (role === "anonymous") return createContext({ headers: new Headers() });
  const { cookie } = await signedInAs(role);
  return createContext({ headers: new Headers({ cookie, "user-agent": "vitest" }) });
}

/**
 * A tRPC caller signed in as `role` (or anonymous), in one line: `const caller = callerAs("operator")`.
 * Every call goes through the real permission middleware.
 */
export function callerAs(role: Role | "anonymous", options?: { signal?: AbortSignal }) {
  return createCaller(() => contextAs(role), options);
}
