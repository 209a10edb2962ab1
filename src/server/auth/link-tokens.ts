import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: unguessable, so a link needs no rate limit of its own. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored: a database dump cannot be turned back into a working link. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
