import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMigrationFiles, migrationChecksum } from "./migration-files";

describe("listMigrationFiles", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tributary-migrations-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }

  it("lists migration folders in name order and skips migration_lock.toml", async () => {
    await addMigration("20260102000000_second", "SELECT 2;\n");
    await addMigration("20260101000000_first", "SELECT 1;\n");
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');

    const files = await listMigrationFiles(dir);

    expect(files.map((file) => file.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(files[0]?.sql).toBe("SELECT 1;\n");
  });

  it("checksums the exact bytes of migration.sql as sha256 hex, like Prisma", async () => {
    await addMigration("20260101000000_init", "CREATE TABLE a ();\r\n");
    const [file] = await listMigrationFiles(dir);
    // `printf 'CREATE TABLE a ();\r\n' | sha256sum` — no line-ending normalisation.
    expect(file?.checksum).toBe("9e249dc3a06499713bbed4cb9f4b11514cfe42433fa905189c3a9196d54c6425");
  });

  it("computes sha256 hex", () => {
    expect(migrationChecksum("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("names a migration folder that has no migration.sql", async () => {
    await mkdir(path.join(dir, "20260101000000_empty"));
    await expect(listMigrationFiles(dir)).rejects.toThrow(
      "The migration folder 20260101000000_empty has no migration.sql.",
    );
  });

  it("names a missing migrations folder", async () => {
    await expect(listMigrationFiles(path.join(dir, "nope"))).rejects.toThrow(/migrations folder .*nope does not exist/);
  });
});
