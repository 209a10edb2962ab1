import "server-only";
import type { Role } from "~/server/auth/permissions";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** What the role check needs to know about an account, read fresh from the users table. */
export type TAccountState = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** Sessions created before this are void (null: all valid). */
  sessionsValidAfter: Date | null;
};

export type TAccountRow = Omit<TAccountState, "sessionsValidAfter"> & { createdAt: Date };

const SELECT = { id: true, name: true, email: true, role: true, disabled: true } as const;

export function findAccount(id: string): Promise<TAccountState | null> {
  return withDatabase(async () => {
    const row = await getDb().user.findUnique({ where: { id }, select: { ...SELECT, sessionsValidAfter: true } });
    return row ? { ...row, role: row.role as Role } : null;
  });
}

export function listAccounts(): Promise<TAccountRow[]> {
  return withDatabase(async () => {
    const rows = await getDb().user.findMany({ select: { ...SELECT, createdAt: true }, orderBy: { createdAt: "asc" } });
    return rows.map((row) => ({ ...row, role: row.role as Role }));
  });
}

export function countAccounts(): Promise<number> {
  return withDatabase(() => getDb().user.count());
}

/** Enabled admins; the last one may not demote or disable itself. */
export function countActiveAdmins(): Promise<number> {
  return withDatabase(() => getDb().user.count({ where: { role: "admin", disabled: false } }));
}

export async function updateAccountRole(id: string, role: Role): Promise<void> {
  await withDatabase(() => getDb().user.update({ where: { id }, data: { role } }));
}

/** Disabling also deletes the account's sessions, so every browser it signed in from is signed out. */
export async function updateAccountDisabled(id: string, disabled: boolean): Promise<void> {
  await withDatabase(() =>
    getDb().$transaction([
      // The signed cookie copies of its sessions outlive the rows; this date voids them too.
      getDb().user.update({
        where: { id },
        data: disabled ? { disabled, sessionsValidAfter: new Date() } : { disabled },
      }),
      ...(disabled ? [getDb().session.deleteMany({ where: { userId: id } })] : []),
    ]),
  );
}

export function findAccountByEmail(email: string): Promise<{ id: string } | null> {
  return withDatabase(() => getDb().user.findUnique({ where: { email }, select: { id: true } }));
}
