import type { Role } from "./permissions";

/** Who is making a request. */
export type Actor = { id: string; name: string; role: Role };

/**
 * Until accounts exist (a later issue brings better-auth), every request acts as this one local
 * operator: it may read and change Kafka, but not register clusters or manage users.
 */
export const LOCAL_OPERATOR: Actor = { id: "local-operator", name: "Local operator", role: "operator" };
