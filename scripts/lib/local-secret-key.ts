import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TEnv } from "../../src/env";

/**
 * The two-command start's key for cluster secrets: with TRIBUTARY_SECRET_KEY unset and the embedded
 * PostgreSQL in TRIBUTARY_DATA_DIR, a key is generated once into TRIBUTARY_DATA_DIR/secret-key
 * (readable by this user only) and given to the app — like the embedded database's data, it lives
 * in .data. With DATABASE_URL set, nothing is generated: that database's secrets need a key of yours.
 */
export function localSecretKeyPath(env: TEnv): string {
  return path.join(env.TRIBUTARY_DATA_DIR, "secret-key");
}

export async function readLocalSecretKey(env: TEnv): Promise<string | null> {
  const text = await readFile(localSecretKeyPath(env), "utf8").catch(() => null);
  return text?.trim() || null;
}

export async function writeLocalSecretKey(env: TEnv, key: string): Promise<void> {
  await mkdir(env.TRIBUTARY_DATA_DIR, { recursive: true });
  await writeFile(localSecretKeyPath(env), `${key}\n`, { mode: 0o600 });
}

/** The key to give the app, or undefined to leave TRIBUTARY_SECRET_KEY as it is. */
export async function localSecretKeyIfWanted(env: TEnv, log: (line: string) => void): Promise<string | undefined> {
  if (env.TRIBUTARY_SECRET_KEY || env.DATABASE_URL) return undefined;
  const existing = await readLocalSecretKey(env);
  if (existing) return existing;
  const key = randomBytes(32).toString("base64");
  await writeLocalSecretKey(env, key);
  log(
    `Cluster secrets: generated a key into ${localSecretKeyPath(env)} (TRIBUTARY_SECRET_KEY is unset); keep it with ${path.join(env.TRIBUTARY_DATA_DIR, "postgres")}, which it unlocks.`,
  );
  return key;
}
