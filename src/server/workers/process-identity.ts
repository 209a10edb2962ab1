import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * Who this process is, as leases and the workers page name it. The random part tells apart two
 * processes that share host and pid (containers on one host name each start as pid 1); people read
 * the `<host>:<pid>` part.
 */
const identityKey = Symbol.for("tributary.workers.processIdentity");
type GlobalWithIdentity = typeof globalThis & { [identityKey]?: string };
const holder = globalThis as GlobalWithIdentity;

/** `<host>:<pid>:<random>`, fixed for the life of the process (kept across dev reloads). */
export function processHolderId(): string {
  return (holder[identityKey] ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`);
}

/** `<host>:<pid>` of a holder id (what the workers page shows). */
export function holderLabel(holderId: string): string {
  const parts = holderId.split(":");
  return parts.length >= 3 ? parts.slice(0, -1).join(":") : holderId;
}
