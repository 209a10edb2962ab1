import { describe, expect, it } from "vitest";
import { migrationChecksum, type TMigrationFile } from "./migration-files";
import { planMigrations, type TAppliedMigration } from "./migration-plan";

const file = (name: string, sql = `-- ${name}\n`): TMigrationFile => ({ name, sql, checksum: migrationChecksum(sql) });
const applied = (migration: TMigrationFile, overrides: Partial<TAppliedMigration> = {}): TAppliedMigration => ({
  migrationName: migration.name,
  checksum: migration.checksum,
  finishedAt: new Date(),
  rolledBackAt: null,
  ...overrides,
});

describe("planMigrations", () => {
  const first = file("20260101000000_init");
  const second = file("20260201000000_topics");

  it("returns every migration for an empty database, in order", () => {
    expect(planMigrations([first, second], []).map((m) => m.name)).toEqual([first.name, second.name]);
  });

  it("returns only migrations not yet applied", () => {
    expect(planMigrations([first, second], [applied(first)])).toEqual([second]);
  });

  it("returns nothing when everything is applied", () => {
    expect(planMigrations([first, second], [applied(first), applied(second)])).toEqual([]);
  });

  it("re-applies a migration whose row was marked rolled back", () => {
    expect(planMigrations([first], [applied(first, { finishedAt: null, rolledBackAt: new Date() })])).toEqual([first]);
  });

  it("refuses to continue after a failed migration", () => {
    expect(() => planMigrations([first, second], [applied(first, { finishedAt: null })])).toThrow(
      /Migration 20260101000000_init failed in an earlier run/,
    );
  });

  it("reports a migration changed after it was applied", () => {
    expect(() => planMigrations([first, second], [applied(first, { checksum: "0".repeat(64) })])).toThrow(
      "Migration 20260101000000_init was changed after it was applied — restore its original migration.sql and put the change in a new migration.",
    );
  });

  it("accepts a migration whose only change is CRLF line endings from a Windows checkout", () => {
    const lf = file("20260101000000_init", "SELECT 1;\nSELECT 2;\n");
    const crlf = file("20260101000000_init", "SELECT 1;\r\nSELECT 2;\r\n");
    expect(planMigrations([crlf], [applied(lf)])).toEqual([]);
  });

  it("ignores rows of migrations that are not in the folder (applied by a newer release)", () => {
    expect(planMigrations([first], [applied(first), applied(second)])).toEqual([]);
  });
});
