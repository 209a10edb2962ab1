/**
 * Roles in increasing power. A procedure declares the least role it needs; a caller with that role
 * or a stronger one passes.
 *   viewer   — reads cluster state and data
 *   operator — changes topics, groups, pipelines
 *   admin    — registers clusters, manages users
 */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
