import "server-only";
import type { Role } from "~/server/auth/permissions";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

export type TAccountLinkKind = "setup" | "invite";

export type TAccountLinkRow = {
  id: string;
  kind: TAccountLinkKind;
  role: Role;
  email: string | null;
  createdBy: string | null;
  usedBy: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

const SELECT = {
  id: true,
  kind: true,
  role: true,
  email: true,
  createdBy: true,
  usedBy: true,
  expiresAt: true,
  usedAt: true,
  createdAt: true,
} as const;

/** Where an invite whose link still works is: unused and unexpired. */
const PENDING_INVITE = () => ({ kind: "invite", usedAt: null, expiresAt: { gt: new Date() } });

function toRow(row: { kind: string; role: string } & Omit<TAccountLinkRow, "kind" | "role">): TAccountLinkRow {
  return { ...row, kind: row.kind as TAccountLinkKind, role: row.role as Role };
}

export async function insertAccountLink(link: {
  kind: TAccountLinkKind;
  tokenHash: string;
  role: Role;
  email: string | null;
  createdBy: string | null;
  expiresAt: Date;
}): Promise<TAccountLinkRow> {
  return toRow(await withDatabase(() => getDb().accountLink.create({ data: link, select: SELECT })));
}

/** An unused, unexpired link with this token hash, or null. */
export async function findUsableAccountLink(
  kind: TAccountLinkKind,
  tokenHash: string,
): Promise<TAccountLinkRow | null> {
  const row = await withDatabase(() =>
    getDb().accountLink.findFirst({
      where: { kind, tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      select: SELECT,
    }),
  );
  return row ? toRow(row) : null;
}

/**
 * Marks a link used, only if nobody used it first: two tabs submitting the same link race here,
 * and exactly one wins (the UPDATE's WHERE is re-checked under the row lock).
 */
export async function claimAccountLink(id: string): Promise<boolean> {
  const { count } = await withDatabase(() =>
    getDb().accountLink.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    }),
  );
  return count === 1;
}

/** Gives a claimed link back when the account could not be created, so the person can try again. */
export async function releaseAccountLink(id: string): Promise<void> {
  await withDatabase(() => getDb().accountLink.update({ where: { id }, data: { usedAt: null } }));
}

export async function recordAccountLinkUser(id: string, userId: string): Promise<void> {
  await withDatabase(() => getDb().accountLink.update({ where: { id }, data: { usedBy: userId } }));
}

/**
 * Claims the newest usable invite for `email` (any letter case) and returns it, or null. Single
 * sign-on calls this when it creates the account the invite promised, so the invite's role applies
 * and the link stops working.
 */
export async function claimInviteForEmail(email: string): Promise<TAccountLinkRow | null> {
  const invite = await withDatabase(() =>
    getDb().accountLink.findFirst({
      where: { ...PENDING_INVITE(), email: { equals: email, mode: "insensitive" } },
      orderBy: { createdAt: "desc" },
      select: SELECT,
    }),
  );
  if (!invite || !(await claimAccountLink(invite.id))) return null;
  return toRow(invite);
}

/** Records which account a claimed invite became, once single sign-on has created it. */
export async function recordInviteUserByEmail(email: string, userId: string): Promise<void> {
  await withDatabase(() =>
    getDb().accountLink.updateMany({
      where: { kind: "invite", email: { equals: email, mode: "insensitive" }, usedAt: { not: null }, usedBy: null },
      data: { usedBy: userId },
    }),
  );
}

/** A new setup link replaces any earlier unused one, so only the newest printed link works. */
export async function expireUnusedSetupLinks(): Promise<void> {
  await withDatabase(() =>
    getDb().accountLink.updateMany({ where: { kind: "setup", usedAt: null }, data: { expiresAt: new Date() } }),
  );
}

/** Invites whose links still work (unused, unexpired), newest first. */
export async function listPendingInvites(): Promise<TAccountLinkRow[]> {
  const rows = await withDatabase(() =>
    getDb().accountLink.findMany({ where: PENDING_INVITE(), orderBy: { createdAt: "desc" }, select: SELECT }),
  );
  return rows.map(toRow);
}

/** One invite whose link still works, or null. */
export async function findPendingInvite(id: string): Promise<TAccountLinkRow | null> {
  const row = await withDatabase(() =>
    getDb().accountLink.findFirst({ where: { id, ...PENDING_INVITE() }, select: SELECT }),
  );
  return row ? toRow(row) : null;
}

/** Makes an unused invite's link stop working at once; false when it was used or had expired meanwhile. */
export async function expireInvite(id: string): Promise<boolean> {
  const { count } = await withDatabase(() =>
    getDb().accountLink.updateMany({
      where: { id, ...PENDING_INVITE() },
      data: { expiresAt: new Date() },
    }),
  );
  return count === 1;
}

/** Returns the stored secret, creating it with `generate()` the first time (racing servers agree on one). */
export async function getOrCreateServerSecret(name: string, generate: () => string): Promise<string> {
  return withDatabase(async () => {
    await getDb().serverSecret.createMany({ data: [{ name, value: generate() }], skipDuplicates: true });
    const row = await getDb().serverSecret.findUniqueOrThrow({ where: { name } });
    return row.value;
  });
}
