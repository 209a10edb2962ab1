import { migrationChecksum, type TMigrationFile } from "./migration-files";

/** A row of `_prisma_migrations`, reduced to what deciding needs. */
export type TAppliedMigration = {
  migrationName: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
};

/**
 * Decides which local migrations still have to run, with the rules of `prisma migrate deploy`:
 * a row with `rolled_back_at` set does not count as applied; a row that neither finished nor was
 * rolled back is a failed migration that blocks everything after it. On top of Prisma we refuse a
 * migration whose file changed after it was applied, because the database no longer matches it.
 * Rows with no local folder (a newer release's migrations) are left alone.
 */
export function planMigrations(local: TMigrationFile[], applied: TAppliedMigration[]): TMigrationFile[] {
  const live = applied.filter((row) => row.rolledBackAt === null);
  const failed = live.find((row) => row.finishedAt === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migrationName} failed in an earlier run and is still marked as failed in _prisma_migrations — repair the database, then set rolled_back_at on that row to retry it.`,
    );
  }
  const appliedByName = new Map(live.map((row) => [row.migrationName, row]));
  const pending: TMigrationFile[] = [];
  for (const file of local) {
    const row = appliedByName.get(file.name);
    if (!row) {
      pending.push(file);
    } else if (!checksumMatches(file, row.checksum)) {
      throw new Error(
        `Migration ${file.name} was changed after it was applied — restore its original migration.sql and put the change in a new migration.`,
      );
    }
  }
  return pending;
}

/** Like Prisma, tolerate a checkout that only changed line endings (git autocrlf). */
function checksumMatches(file: TMigrationFile, recorded: string): boolean {
  if (file.checksum === recorded) return true;
  const lf = file.sql.replace(/\r\n/g, "\n");
  return migrationChecksum(lf) === recorded || migrationChecksum(lf.replace(/\n/g, "\r\n")) === recorded;
}
