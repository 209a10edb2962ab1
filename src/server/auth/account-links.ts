import "server-only";
import type { TInviteDto, TRedeemLink } from "~/domain/accounts";
import { AppError } from "~/lib/app-error";
import {
  claimAccountLink,
  expireUnusedSetupLinks,
  findUsableAccountLink,
  insertAccountLink,
  recordAccountLinkUser,
  releaseAccountLink,
} from "~/server/db/account-links";
import { countAccounts, countActiveAdmins, findAccountByEmail } from "~/server/db/accounts";
import type { Actor } from "./actor";
import { getAuth } from "./auth-instance";
import type { Role } from "./permissions";
import { hashLinkToken, newLinkToken } from "./link-tokens";

const SETUP_LINK_TTL_MS = 60 * 60 * 1000;
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When no enabled admin exists, makes a new one-time setup link (older unused ones stop working)
 * and returns its token; otherwise null. Called at boot, which prints the link.
 */
export async function createSetupTokenIfNoAdmin(): Promise<string | null> {
  if ((await countActiveAdmins()) > 0) return null;
  await expireUnusedSetupLinks();
  const token = newLinkToken();
  await insertAccountLink({
    kind: "setup",
    tokenHash: hashLinkToken(token),
    role: "admin",
    email: null,
    createdBy: null,
    expiresAt: new Date(Date.now() + SETUP_LINK_TTL_MS),
  });
  return token;
}

/** An invite for `email` with `role`, valid for 7 days and one use. */
export async function createInvite(admin: Actor, email: string, role: Role): Promise<TInviteDto> {
  if (await findAccountByEmail(email)) {
    throw new AppError(
      "CONFLICT",
      `An account for ${email} already exists.`,
      "Change its role on the users page instead.",
    );
  }
  const token = newLinkToken();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await insertAccountLink({
    kind: "invite",
    tokenHash: hashLinkToken(token),
    role,
    email,
    createdBy: admin.id,
    expiresAt,
  });
  return { path: `/invite?token=${token}`, email, role, expiresAt };
}

/** What the setup or invite page shows before the form: whether the link still works, and for whom. */
export async function describeLink(kind: "setup" | "invite", token: string) {
  const link = await findUsableAccountLink(kind, hashLinkToken(token));
  return link ? { role: link.role, email: link.email, expiresAt: link.expiresAt } : null;
}

/**
 * Creates the account a setup or invite link promises, signs it in, and returns better-auth's
 * Set-Cookie headers. The link is claimed first, so two tabs cannot both use it.
 */
export async function redeemLink(input: TRedeemLink, requestHeaders: Headers, secure: boolean): Promise<Headers> {
  const link = await findUsableAccountLink(input.kind, hashLinkToken(input.token));
  if (!link) throw expiredLink(input.kind);
  const email = link.email ?? input.email;
  if (!email) throw new AppError("BAD_INPUT", "Enter an email address.");
  if (await findAccountByEmail(email)) {
    throw new AppError("CONFLICT", `An account for ${email} already exists.`, "Sign in with it instead.");
  }
  if (!(await claimAccountLink(link.id))) throw expiredLink(input.kind);
  const auth = await getAuth(secure);
  let userId: string;
  try {
    const context = await auth.$context;
    const user = await context.internalAdapter.createUser(
      { name: input.name, email, emailVerified: false, role: link.role, disabled: false },
      { method: "email-password" },
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: await context.password.hash(input.password),
    });
    userId = user.id;
  } catch (error) {
    await releaseAccountLink(link.id);
    throw error;
  }
  await recordAccountLinkUser(link.id, userId);
  const signedIn = await auth.api.signInEmail({
    body: { email, password: input.password },
    headers: requestHeaders,
    returnHeaders: true,
  });
  return signedIn.headers;
}

function expiredLink(kind: "setup" | "invite"): AppError {
  return kind === "setup"
    ? new AppError(
        "NOT_FOUND",
        "This setup link has expired or was already used.",
        "Restart Tributary: it prints a new setup link while no admin exists.",
      )
    : new AppError(
        "NOT_FOUND",
        "This invite link has expired, was revoked or was already used.",
        "Ask an admin for a new invite.",
      );
}

export async function hasAnyAccount(): Promise<boolean> {
  return (await countAccounts()) > 0;
}

export async function hasActiveAdmin(): Promise<boolean> {
  return (await countActiveAdmins()) > 0;
}
