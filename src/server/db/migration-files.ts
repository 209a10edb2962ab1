import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One folder of prisma/migrations, as `prisma migrate deploy` sees it. */
export type TMigrationFile = {
  /** Folder name, e.g. `20261121231621_init`; also the `migration_name` recorded in the database. */
  name: string;
  sql: string;
  /** sha256 hex of the migration.sql bytes — the value Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
};

/** Where migrations live when the app runs from the repository root (npm start, npm test). */
export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma", "migrations");

export function migrationChecksum(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Every `<name>/migration.sql` under `dir`, in name order (Prisma orders by folder name, which
 * starts with a UTC timestamp). Loose files such as migration_lock.toml are skipped.
 */
export async function listMigrationFiles(dir: string): Promise<TMigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new Error(`The migrations folder ${dir} does not exist — run from the repository root.`);
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: TMigrationFile[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name, "migration.sql"));
    } catch {
      throw new Error(`The migration folder ${name} has no migration.sql.`);
    }
    files.push({ name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return files;
}
