import "server-only";
import type { TAccountDto, TInviteDto, TPendingInviteDto } from "~/domain/accounts";
import { AppError } from "~/lib/app-error";
import { createInvite } from "~/server/auth/account-links";
import type { Role } from "~/server/auth/permissions";
import { forgetAccountState } from "~/server/auth/session-actor";
import { expireInvite, findPendingInvite, listPendingInvites } from "~/server/db/account-links";
import {
  countActiveAdmins,
  findAccount,
  listAccounts,
  updateAccountDisabled,
  updateAccountRole,
} from "~/server/db/accounts";
import { auditedAction, type TAuditActor } from "../audit/audited";

export function listUsers(): Promise<TAccountDto[]> {
  return listAccounts();
}

export function inviteUser(by: TAuditActor, email: string, role: Role): Promise<TInviteDto> {
  return audit(by, "user.invite", email, { role }, () => createInvite(by.actor, email, role));
}

export async function listInvites(): Promise<TPendingInviteDto[]> {
  return (await listPendingInvites()).map(({ id, email, role, createdAt, expiresAt }) => ({
    id,
    email: email ?? "",
    role,
    createdAt,
    expiresAt,
  }));
}

/** The invite's link stops working at once (sent to the wrong address, or no longer wanted). */
export async function revokeInvite(by: TAuditActor, inviteId: string): Promise<void> {
  const invite = await findPendingInvite(inviteId);
  if (!invite) {
    throw new AppError(
      "NOT_FOUND",
      "This invite was already used, revoked or has expired.",
      "Reload the users page to see the invites that still work.",
    );
  }
  await audit(by, "user.revoke-invite", invite.email ?? "", { role: invite.role }, async () => {
    if (!(await expireInvite(invite.id))) {
      throw new AppError("CONFLICT", "This invite was used or expired while you revoked it.", "Reload the users page.");
    }
  });
}

export async function setUserRole(by: TAuditActor, userId: string, role: Role): Promise<void> {
  const account = await requireAccount(userId);
  if (account.role === "admin" && role !== "admin") await refuseLastAdmin(account.id, "demote");
  await audit(by, "user.set-role", account.email, { from: account.role, to: role }, async () => {
    await updateAccountRole(account.id, role);
    forgetAccountState(account.id);
  });
}

/** Disabling signs the account out everywhere (its sessions are deleted) and stops new sign-ins. */
export async function setUserDisabled(by: TAuditActor, userId: string, disabled: boolean): Promise<void> {
  const account = await requireAccount(userId);
  if (disabled && account.role === "admin") await refuseLastAdmin(account.id, "disable");
  await audit(by, disabled ? "user.disable" : "user.enable", account.email, {}, async () => {
    await updateAccountDisabled(account.id, disabled);
    forgetAccountState(account.id);
  });
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

function audit<T>(
  by: TAuditActor,
  action: string,
  target: string,
  details: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  return auditedAction({ by, action, clusterId: null, target, details }, work);
}
