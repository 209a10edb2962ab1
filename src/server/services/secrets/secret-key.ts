import "server-only";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";
import { parseSecretKey, type TSecretKey } from "./secret-box";

let parsed: TSecretKey | null = null;

/** The key cluster secrets are sealed with (TRIBUTARY_SECRET_KEY), or null when it is not set. */
export function configuredSecretKey(): TSecretKey | null {
  if (!env.TRIBUTARY_SECRET_KEY) return null;
  parsed ??= parseSecretKey(env.TRIBUTARY_SECRET_KEY);
  return parsed;
}

/** The key, or the sentence that says a secret cannot be stored or read without it. */
export function requireSecretKey(): TSecretKey {
  const key = configuredSecretKey();
  if (key) return key;
  throw new AppError(
    "FORBIDDEN",
    "Tributary cannot store or read cluster secrets (passwords, private keys): TRIBUTARY_SECRET_KEY is not set.",
    "Set TRIBUTARY_SECRET_KEY to 32 random bytes (`openssl rand -base64 32`) and restart Tributary.",
  );
}
