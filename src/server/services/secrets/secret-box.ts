import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "~/lib/app-error";
import { SECRET_KEY_FORMAT, secretKeyEncoding } from "~/lib/secret-key-text";

/**
 * AES-256-GCM for the secrets Tributary stores (SASL passwords, TLS client keys). A sealed secret
 * reads `tsk1:<key id>:<base64url of iv ‖ tag ‖ ciphertext>`: the key id (the first 12 hex digits of
 * the key's SHA-256) says which key sealed it, so a wrong key is named instead of failing as
 * "corrupt", and a rotation can tell what is left to re-encrypt. The `context` (e.g.
 * "clusters/<id>/sasl_password") is authenticated too, so a ciphertext copied to another row or
 * column does not open.
 */

export type TSecretKey = { readonly id: string; readonly bytes: Buffer };

const VERSION = "tsk1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses a key as TRIBUTARY_SECRET_KEY writes it; throws the format's sentence otherwise. */
export function parseSecretKey(text: string, name = "TRIBUTARY_SECRET_KEY"): TSecretKey {
  const trimmed = text.trim();
  const encoding = secretKeyEncoding(trimmed);
  if (!encoding) throw new AppError("BAD_INPUT", `${name} is not a key Tributary can use: ${SECRET_KEY_FORMAT}.`);
  const bytes = Buffer.from(trimmed, encoding === "hex" ? "hex" : "base64url");
  const id = createHash("sha256").update("tributary-secret-key\0").update(bytes).digest("hex").slice(0, 12);
  return { id, bytes };
}

export function sealSecret(key: TSecretKey, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
  return `${VERSION}:${key.id}:${sealed}`;
}

/** The id of the key that sealed this secret, or null when it is not a sealed secret at all. */
export function sealedKeyId(sealed: string): string | null {
  const [version, keyId] = sealed.split(":");
  return version === VERSION && keyId ? keyId : null;
}

/**
 * Opens a sealed secret. The sentences name the key ids (never a key): a secret sealed with another
 * key, and one whose bytes were altered, fail differently.
 */
export function openSecret(key: TSecretKey, sealed: string, context: string): string {
  const [version, keyId, body] = sealed.split(":");
  if (version !== VERSION || !keyId || !body) {
    throw new AppError(
      "INTERNAL",
      "A stored secret is not in Tributary's encrypted form, so it cannot be read.",
      "Enter the secret again in the cluster's settings.",
    );
  }
  if (keyId !== key.id) {
    throw new AppError(
      "INTERNAL",
      `A stored secret was encrypted with key ${keyId}, but TRIBUTARY_SECRET_KEY is key ${key.id}.`,
      "Start Tributary with the key the secrets were encrypted with, or re-encrypt them with `npm run secrets -- rotate`.",
    );
  }
  const bytes = Buffer.from(body, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new AppError(
      "INTERNAL",
      `A stored secret (key ${keyId}) failed its integrity check: it was altered in the database or belongs to another cluster.`,
      "Enter the secret again in the cluster's settings.",
      { cause: error },
    );
  }
}
