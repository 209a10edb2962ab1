import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "./migrate";
import { DEFAULT_MIGRATIONS_DIR, listMigrationFiles } from "./migration-files";
import { createEmptyDatabase, type TTestDatabase } from "./test-database";

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  let database: TTestDatabase;
  beforeEach(async () => {
    database = await createEmptyDatabase(inject("databaseUrl"));
  });
  afterEach(async () => {
    await database.cleanup();
  });

  it("applies every migration folder to an empty database and records it as prisma migrate deploy does", async () => {
    const local = await listMigrationFiles(DEFAULT_MIGRATIONS_DIR);
    const reported: string[] = [];

    const result = await applyMigrations(database.databaseUrl, { onApplied: (name) => reported.push(name) });

    expect(result.applied).toEqual(local.map((file) => file.name));
    expect(reported).toEqual(result.applied);
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      logs: string | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(database.databaseUrl, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      local.map((file) => [file.name, file.checksum]),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("creates _prisma_migrations with exactly Prisma's columns", async () => {
    await applyMigrations(database.databaseUrl);
    const columns = await query<{
      column_name: string;
      type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      database.databaseUrl,
      `SELECT column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable, c.column_default
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = '"_prisma_migrations"'::regclass AND a.attname = c.column_name
       WHERE c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.type, c.is_nullable, c.column_default])).toEqual([
      ["id", "character varying(36)", "NO", null],
      ["checksum", "character varying(64)", "NO", null],
      ["finished_at", "timestamp with time zone", "YES", null],
      ["migration_name", "character varying(255)", "NO", null],
      ["logs", "text", "YES", null],
      ["rolled_back_at", "timestamp with time zone", "YES", null],
      ["started_at", "timestamp with time zone", "NO", "now()"],
      ["applied_steps_count", "integer", "NO", "0"],
    ]);
  });

  it("applies nothing the second time", async () => {
    await applyMigrations(database.databaseUrl);
    expect(await applyMigrations(database.databaseUrl)).toEqual({ applied: [] });
  });

  it("lets two processes start at once without applying anything twice", async () => {
    const [first, second] = await Promise.all([
      applyMigrations(database.databaseUrl),
      applyMigrations(database.databaseUrl),
    ]);
    const local = await listMigrationFiles(DEFAULT_MIGRATIONS_DIR);
    expect([...first.applied, ...second.applied]).toEqual(local.map((file) => file.name));
  });

  it("reports a migration that was changed after it was applied", async () => {
    await applyMigrations(database.databaseUrl);
    const [first] = await listMigrationFiles(DEFAULT_MIGRATIONS_DIR);
    await query(database.databaseUrl, `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);

    await expect(applyMigrations(database.databaseUrl)).rejects.toThrow(
      `Migration ${first?.name} was changed after it was applied`,
    );
  });

  describe("with a migration that fails", () => {
    let migrationsDir: string;
    beforeEach(async () => {
      migrationsDir = await mkdtemp(path.join(tmpdir(), "tributary-bad-migrations-"));
      const add = async (name: string, sql: string) => {
        await mkdir(path.join(migrationsDir, name));
        await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
      };
      await add("20260101000000_good", `CREATE TABLE "good" ("id" INTEGER NOT NULL);\n`);
      await add(
        "20260102000000_bad",
        `CREATE TABLE "half" ("id" INTEGER);\nALTER TABLE "missing" ADD COLUMN "x" TEXT;\n`,
      );
    });
    afterEach(async () => {
      await rm(migrationsDir, { recursive: true, force: true });
    });

    it("names the migration and the SQL error, and leaves no trace of it", async () => {
      await expect(applyMigrations(database.databaseUrl, { migrationsDir })).rejects.toThrow(
        'Migration 20260102000000_bad failed and was rolled back: relation "missing" does not exist',
      );
      const tables = await query<{ tablename: string }>(
        database.databaseUrl,
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
      );
      expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "good"]);
      const rows = await query<{ migration_name: string }>(
        database.databaseUrl,
        `SELECT migration_name FROM "_prisma_migrations"`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(["20260101000000_good"]);
    });
  });

  it("says which server it could not reach, without the password", async () => {
    const unreachable = "postgresql://app:s3cret@127.0.0.1:1/tributary";
    const failure = applyMigrations(unreachable);
    await expect(failure).rejects.toThrow(
      'PostgreSQL at 127.0.0.1:1 (database "tributary") is not reachable (connection refused) — check DATABASE_URL or unset it to use the embedded database.',
    );
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
