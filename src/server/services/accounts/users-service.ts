import "server-only";
import type { TAccountDto, TInviteDto } from "~/domain/accounts";
import { AppError } from "~/lib/app-error";
import { createInvite } from "~/server/auth/account-links";
import type { Actor } from "~/server/auth/actor";
import type { Role } from "~/server/auth/permissions";
import { forgetAccountState } from "~/server/auth/session-actor";
import { recordAuditEvent } from "~/server/db/audit";
import {
  countActiveAdmins,
  findAccount,
  listAccounts,
  updateAccountDisabled,
  updateAccountRole,
} from "~/server/db/accounts";

export function listUsers(): Promise<TAccountDto[]> {
  return listAccounts();
}

export async function inviteUser(admin: Actor, email: string, role: Role): Promise<TInviteDto> {
  const invite = await createInvite(admin, email, role);
  await audit(admin, "user.invite", email, { role });
  return invite;
}

export async function setUserRole(admin: Actor, userId: string, role: Role): Promise<void> {
  const account = await requireAccount(userId);
  if (account.role === "admin" && role !== "admin") await refuseLastAdmin(account.id, "demote");
  await updateAccountRole(account.id, role);
  forgetAccountState(account.id);
  await audit(admin, "user.set-role", account.email, { from: account.role, to: role });
}

/** Disabling signs the account out everywhere (its sessions are deleted) and stops new sign-ins. */
export async function setUserDisabled(admin: Actor, userId: string, disabled: boolean): Promise<void> {
  const account = await requireAccount(userId);
  if (disabled && account.role === "admin") await refuseLastAdmin(account.id, "disable");
  await updateAccountDisabled(account.id, disabled);
  forgetAccountState(account.id);
  await audit(admin, disabled ? "user.disable" : "user.enable", account.email);
}

async function requireAccount(userId: string) {
  const account = await findAccount(userId);
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist.", "Reload the users page.");
  return account;
}

async function refuseLastAdmin(userId: string, verb: "demote" | "disable"): Promise<void> {
  const account = await findAccount(userId);
  if (account?.disabled) return;
  if ((await countActiveAdmins()) <= 1) {
    throw new AppError(
      "CONFLICT",
      `You cannot ${verb} the last admin: Tributary would have nobody left to manage users and clusters.`,
      "Make another account an admin first.",
    );
  }
}

function audit(admin: Actor, action: string, target: string, details?: Record<string, unknown>): Promise<void> {
  return recordAuditEvent({
    actor: admin.id,
    action,
    clusterId: null,
    target,
    details: details ?? null,
    outcome: "ok",
  });
}
