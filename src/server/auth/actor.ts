import type { Role } from "./permissions";

/** Who is making a request: a signed-in account. The audit trail stores `id` and `name`. */
export type Actor = { id: string; name: string; email?: string; role: Role };

/**
 * @deprecated Requests act as their signed-in account (see context.ts); tests use `callerAs(role)`
 * from test/caller-as.ts. Kept so a hand-built context still type-checks.
 */
export const LOCAL_OPERATOR: Actor = { id: "local-operator", name: "Local operator", role: "operator" };
