import "server-only";
import { APIError, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { SSO_ERROR_PAGE } from "~/domain/single-sign-on";
import { getDb } from "~/server/db/client";
import { findAccount } from "~/server/db/accounts";
import { resolveAuthSecret } from "./auth-secret";
import { OIDC_ACCOUNT_LINKING, oidcNewAccount, oidcPlugin, oidcSettings, recordOidcAccount } from "./oidc";

/** How long a browser may use its signed session copy without asking PostgreSQL (see cookieCache below). */
export const SESSION_CACHE_SECONDS = 5 * 60;
/** Sign-in attempts per address per minute before better-auth answers 429. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;
/**
 * Single sign-on starts per address per minute. A start guesses nothing (the provider checks the
 * password), and people behind one office address all click it at nine.
 */
export const SSO_STARTS_PER_MINUTE = 60;

function buildAuth(secret: string, secure: boolean) {
  const oidc = oidcSettings();
  return betterAuth({
    secret,
    basePath: "/api/auth",
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts come only from the one-time setup link and admins' invites (src/server/auth/account-links.ts).
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
    },
    // Single sign-on, when OIDC_* configure it (src/server/auth/oidc.ts says who may sign in how).
    plugins: oidc ? [oidcPlugin(oidc)] : [],
    account: {
      accountLinking: OIDC_ACCOUNT_LINKING,
      // Tributary never uses the provider's tokens; they are kept encrypted only because better-auth stores them.
      encryptOAuthTokens: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // A signed copy of the session in its own cookie: while PostgreSQL is briefly down, signed-in
      // users keep using the pages that need only Kafka. Role changes and disabling still apply at
      // once, because context.ts re-reads the account (and trusts this copy only when it cannot).
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      storage: "memory",
      customRules: {
        "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/sign-in/social": { window: 60, max: SSO_STARTS_PER_MINUTE },
      },
    },
    advanced: {
      // HttpOnly and SameSite=Lax are better-auth's defaults; Secure (and the __Secure- prefix)
      // only when the request came over TLS, or a plain-HTTP install could never sign in.
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      user: {
        create: {
          // Setup and invite links create accounts outside better-auth's endpoints (account-links.ts);
          // with email sign-up off, only single sign-on creates one inside them (`context` is set).
          before: async (user, context) => {
            if (!context) return;
            if (!oidc) return false;
            return { data: await oidcNewAccount(user, oidc) };
          },
          after: async (user, context) => {
            if (context) await recordOidcAccount(user);
          },
        },
      },
      session: {
        create: {
          // A disabled account cannot start a session, whatever its password.
          before: async (session) => {
            const account = await findAccount(session.userId);
            if (!account || account.disabled) {
              throw new APIError("FORBIDDEN", {
                // The code reaches the sign-in page when single sign-on is refused (?error=account_disabled).
                code: "account_disabled",
                message: "This account is disabled. Ask a Tributary admin to enable it.",
              });
            }
          },
        },
      },
    },
    // Failed single sign-on (bad state, provider errors) lands on the sign-in page, which says why.
    onAPIError: { errorURL: SSO_ERROR_PAGE },
    telemetry: { enabled: false },
    // better-auth logs failed sign-ins with the email only; never a password or token.
    logger: { level: "error" },
  });
}

export type TAuth = ReturnType<typeof buildAuth>;

type TAuthCache = { secret?: Promise<string>; plain?: TAuth; secure?: TAuth };
const cache = globalThis as typeof globalThis & { __tributaryAuth?: TAuthCache };

/**
 * One better-auth instance per transport: cookies over TLS are `Secure`, over plain HTTP they
 * cannot be. The secret is resolved once per process (a failed read is retried on the next call).
 */
export async function getAuth(secure: boolean): Promise<TAuth> {
  const state = (cache.__tributaryAuth ??= {});
  if (!state.secret) {
    state.secret = resolveAuthSecret();
    state.secret.catch(() => (state.secret = undefined));
  }
  const secret = await state.secret;
  const key = secure ? "secure" : "plain";
  return (state[key] ??= buildAuth(secret, secure));
}

/** Whether the request reached us over TLS (directly or through a proxy that says so). */
export function isSecureRequest(headers: Headers, url?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  return url ? url.startsWith("https:") : false;
}
