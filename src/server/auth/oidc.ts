import "server-only";
import { APIError } from "better-auth";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { OIDC_PROVIDER_ID } from "~/domain/single-sign-on";
import { env, type TEnv } from "~/env";
import { claimInviteForEmail, recordInviteUserByEmail } from "~/server/db/account-links";
import type { Role } from "./permissions";

/** Single sign-on as configured by OIDC_* (src/env.ts makes sure the three required ones come together). */
export type TOidcSettings = {
  issuer: string;
  clientId: string;
  /** Sent only to the provider's token endpoint; never logged, never returned. */
  clientSecret: string;
  name: string;
  defaultRole: Extract<Role, "viewer" | "operator">;
};

export function oidcSettings(source: TEnv = env): TOidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = source;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: source.OIDC_NAME, defaultRole: source.OIDC_DEFAULT_ROLE };
}

/** The provider's discovery document, per OpenID Connect Discovery 1.0 (section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/**
 * better-auth's generic OAuth plugin for the one provider. ID tokens must verify against the
 * provider's published keys (issuer, audience, nonce), and PKCE binds the code to this browser.
 */
export function oidcPlugin(settings: TOidcSettings) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: settings.name,
        discoveryUrl: discoveryUrl(settings.issuer),
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        scopes: ["openid", "email", "profile"],
        pkce: true,
        requireIdTokenVerification: true,
      },
    ],
  });
}

/**
 * better-auth's account-linking policy for single sign-on. A provider-verified email that matches
 * an account signs in to it. That account's own email is not "verified" in better-auth's sense
 * (Tributary sends no mail), but an admin typed it into the invite, so it is trusted here.
 * The provider is not trusted blindly: an unverified email links to nothing.
 */
export const OIDC_ACCOUNT_LINKING = {
  enabled: true,
  requireLocalEmailVerified: false,
  allowDifferentEmails: false,
  updateUserInfoOnLink: false,
} as const;

/**
 * The fields of an account that single sign-on creates (an email no account has yet): the role of
 * a pending invite for that email (which is then used up), else OIDC_DEFAULT_ROLE. An email the
 * provider has not verified is refused: anyone could claim any address at a lax provider.
 */
export async function oidcNewAccount(
  user: { email: string; emailVerified: boolean },
  settings: TOidcSettings,
): Promise<{ role: Role; disabled: false }> {
  if (!user.emailVerified) {
    throw new APIError("FORBIDDEN", {
      code: "email_not_verified",
      message: "Your identity provider has not verified your email address.",
    });
  }
  const invite = await claimInviteForEmail(user.email);
  return { role: invite?.role ?? settings.defaultRole, disabled: false };
}

/** After the account exists: the invite it used (if any) names it. */
export async function recordOidcAccount(user: { id: string; email: string }): Promise<void> {
  await recordInviteUserByEmail(user.email, user.id);
}
