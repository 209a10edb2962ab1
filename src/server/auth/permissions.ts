/**
 * Roles in increasing power. A procedure declares the least role it needs; a caller with that role
 * or a stronger one passes.
 *   viewer   — reads cluster metadata and messages
 *   operator — also produces, resets and deletes offsets, deletes groups, runs playgrounds
 *   admin    — also manages topics (create, configs, partitions, delete), clusters, users, the audit log
 */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The sentence for a caller below the role an action needs, e.g. "Needs the operator role — you are a viewer." */
export function roleRefusal(required: Role, actual: Role): string {
  return `Needs the ${required} role — you are ${actual === "viewer" ? "a" : "an"} ${actual}.`;
}
