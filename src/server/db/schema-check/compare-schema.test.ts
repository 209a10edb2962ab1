import { describe, expect, it } from "vitest";
import { compareSchemas } from "./compare-schema";
import type { TActualSchema, TExpectedSchema } from "./schema-shape";

const expected: TExpectedSchema = {
  enums: [],
  tables: [
    {
      name: "clusters",
      columns: [
        { name: "id", type: "text", isNullable: false, default: { kind: "none" } },
        { name: "is_read_only", type: "boolean", isNullable: false, default: { kind: "literal", value: "false" } },
        { name: "created_at", type: "timestamp(3) with time zone", isNullable: false, default: { kind: "now" } },
      ],
      indexes: [{ name: "clusters_pkey", columns: ["id"], isUnique: true, isPrimary: true, method: "btree" }],
      foreignKeys: [],
    },
  ],
};

function matchingDatabase(): TActualSchema {
  return {
    enums: [],
    tables: [
      {
        name: "clusters",
        columns: [
          { name: "id", type: "text", isNullable: false, default: null },
          { name: "is_read_only", type: "boolean", isNullable: false, default: "false" },
          { name: "created_at", type: "timestamp(3) with time zone", isNullable: false, default: "CURRENT_TIMESTAMP" },
        ],
        indexes: [{ name: "clusters_pkey", columns: ["id"], isUnique: true, isPrimary: true, method: "btree" }],
        foreignKeys: [],
      },
      { name: "_prisma_migrations", columns: [], indexes: [], foreignKeys: [] },
    ],
  };
}

describe("compareSchemas", () => {
  it("finds no difference when the database matches (Prisma's bookkeeping table aside)", () => {
    expect(compareSchemas(expected, matchingDatabase())).toEqual([]);
  });

  it("reports a column that schema.prisma has and the database lacks", () => {
    const database = matchingDatabase();
    database.tables[0]?.columns.pop();
    expect(compareSchemas(expected, database)).toEqual(["column clusters.created_at is missing"]);
  });

  it("reports type, nullability and default differences", () => {
    const database = matchingDatabase();
    const column = database.tables[0]?.columns[1];
    if (column) Object.assign(column, { type: "text", isNullable: true, default: "true" });
    expect(compareSchemas(expected, database)).toEqual([
      "column clusters.is_read_only has type text, expected boolean",
      "column clusters.is_read_only is nullable, expected NOT NULL",
      "column clusters.is_read_only has default true, expected false",
    ]);
  });

  it("reports tables, columns and indexes the schema does not describe", () => {
    const database = matchingDatabase();
    database.tables[0]?.columns.push({ name: "legacy", type: "text", isNullable: true, default: null });
    database.tables[0]?.indexes.push({
      name: "clusters_legacy_idx",
      columns: ["legacy"],
      isUnique: false,
      isPrimary: false,
      method: "btree",
    });
    database.tables.push({ name: "scratch", columns: [], indexes: [], foreignKeys: [] });
    expect(compareSchemas(expected, database)).toEqual([
      "column clusters.legacy is in the database but not in schema.prisma",
      "index clusters.clusters_legacy_idx is in the database but not in schema.prisma",
      "table scratch is in the database but not in schema.prisma",
    ]);
  });

  it("reports a foreign key with another ON DELETE action", () => {
    const key = {
      name: "audit_events_cluster_id_fkey",
      columns: ["cluster_id"],
      referencedTable: "clusters",
      referencedColumns: ["id"],
      onDelete: "SET NULL" as const,
      onUpdate: "CASCADE" as const,
    };
    const withKey = { ...expected, tables: [{ ...expected.tables[0]!, foreignKeys: [key] }] };
    const database = matchingDatabase();
    database.tables[0]!.foreignKeys.push({ ...key, onDelete: "CASCADE" });
    expect(compareSchemas(withKey, database)).toEqual([
      "foreign key clusters.audit_events_cluster_id_fkey is ON DELETE CASCADE, expected SET NULL",
    ]);
  });
});
