import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SCRAM_MECHANISMS, securedDir } from "./config";

export type ScramUser = { username: string; password: string };

export const SCRAM_USERNAME = "tributary";

/** `{ "username", "password" }`, readable by its owner only. */
export const scramUserFile = (dataDir: string) => join(securedDir(dataDir), "scram-user.json");

/**
 * The data dir's SCRAM user: a password made on first start (a local dev secret, kept 0600 next to the
 * CA, never printed) and reused afterwards, so a wipe with --clean gives the same credentials back.
 */
export async function ensureScramUser(dataDir: string): Promise<ScramUser> {
  const existing = await readScramUser(dataDir);
  if (existing) return existing;
  const user = { username: SCRAM_USERNAME, password: randomBytes(18).toString("base64url") };
  await mkdir(securedDir(dataDir), { recursive: true });
  await writeFile(scramUserFile(dataDir), JSON.stringify(user, null, 2) + "\n", { mode: 0o600 });
  return user;
}

async function readScramUser(dataDir: string): Promise<ScramUser | undefined> {
  try {
    const parsed = JSON.parse(await readFile(scramUserFile(dataDir), "utf8")) as Partial<ScramUser>;
    const { username, password } = parsed;
    return typeof username === "string" && typeof password === "string" && isSafe(username) && isSafe(password)
      ? { username, password }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The storage tool's `--add-scram` arguments, which write the credentials into the first metadata. */
export function addScramArguments(user: ScramUser): string[] {
  return SCRAM_MECHANISMS.flatMap((mechanism) => [
    "--add-scram",
    `${mechanism}=[name=${user.username},password=${user.password}]`,
  ]);
}

/** The tool's `[key=value,…]` syntax has no escapes: keep to characters it cannot misread. */
function isSafe(value: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value);
}
