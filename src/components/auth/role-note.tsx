import type { TPermission } from "./use-me";

/**
 * Says why an action is disabled for this account's role, next to the disabled control (a
 * disabled button shows no tooltip, so the sentence is on the page).
 */
export function RoleNote({ permission }: { permission: TPermission }) {
  if (permission.allowed) return null;
  return (
    <p className="text-muted text-xs" data-testid="role-note">
      {permission.reason}
    </p>
  );
}
