import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "~/env";
import { getOrCreateServerSecret } from "~/server/db/account-links";

/**
 * The secret that signs session cookies: AUTH_SECRET when set, else one generated on first start
 * and stored in PostgreSQL (server_secrets), so a restart keeps everyone signed in. Read once per
 * process and kept in memory — signed-in pages keep working while PostgreSQL is briefly down.
 */
export async function resolveAuthSecret(): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return getOrCreateServerSecret("auth_secret", () => randomBytes(32).toString("base64url"));
}
