import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "./migrate";
import { compareSchemas } from "./schema-check/compare-schema";
import { readDatabaseSchema } from "./schema-check/database-schema";
import { expectedSchemaFromDmmf } from "./schema-check/expected-schema";
import { readDmmf } from "./schema-check/read-dmmf";
import type { TActualSchema } from "./schema-check/schema-shape";
import { createEmptyDatabase, type TTestDatabase } from "./test-database";

const SCHEMA_PATH = path.resolve("prisma", "schema.prisma");

/**
 * The migrations are written by hand (the schema engine cannot run here), so this is what keeps
 * them honest: a database built from prisma/migrations alone must be exactly what schema.prisma
 * describes, as Prisma itself parses it.
 */
describe("the migrated database", () => {
  let database: TTestDatabase;
  let actual: TActualSchema;

  beforeAll(async () => {
    database = await createEmptyDatabase(inject("databaseUrl"));
    await applyMigrations(database.databaseUrl);
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      actual = await readDatabaseSchema(client);
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("matches schema.prisma: tables, columns, types, nullability, defaults, keys, indexes and foreign keys", async () => {
    const expected = expectedSchemaFromDmmf(await readDmmf(SCHEMA_PATH));
    expect(compareSchemas(expected, actual)).toEqual([]);
  });

  it("would catch a field added to schema.prisma without a migration", async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), "tributary-schema-"));
    try {
      const changed = (await readFile(SCHEMA_PATH, "utf8")).replace(
        /model Cluster \{\n/,
        'model Cluster {\n  description String @default("")\n',
      );
      await writeFile(path.join(workDir, "schema.prisma"), changed);
      const expected = expectedSchemaFromDmmf(await readDmmf(path.join(workDir, "schema.prisma")));
      expect(compareSchemas(expected, actual)).toContain("column clusters.description is missing");
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
