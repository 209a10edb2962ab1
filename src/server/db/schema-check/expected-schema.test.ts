import { describe, expect, it } from "vitest";
import type { TDmmfDatamodel, TDmmfField } from "./dmmf-types";
import { expectedSchemaFromDmmf } from "./expected-schema";

const field = (overrides: Partial<TDmmfField> & Pick<TDmmfField, "name" | "type">): TDmmfField => ({
  kind: "scalar",
  isList: false,
  isRequired: true,
  isId: false,
  isUnique: false,
  hasDefaultValue: false,
  nativeType: null,
  ...overrides,
});

// Shaped like the DMMF Prisma 7 hands generators (see dmmf-dump-generator.mjs).
const datamodel: TDmmfDatamodel = {
  enums: [
    {
      name: "Role",
      dbName: null,
      values: [
        { name: "ADMIN", dbName: null },
        { name: "VIEWER", dbName: "viewer" },
      ],
    },
  ],
  models: [
    {
      name: "Team",
      dbName: "teams",
      fields: [
        field({ name: "id", type: "String", isId: true, hasDefaultValue: true, default: { name: "cuid", args: [1] } }),
        field({ name: "seq", type: "Int", hasDefaultValue: true, default: { name: "autoincrement", args: [] } }),
        field({
          name: "createdAt",
          dbName: "created_at",
          type: "DateTime",
          hasDefaultValue: true,
          default: { name: "now", args: [] },
        }),
        field({ name: "isOpen", dbName: "is_open", type: "Boolean", hasDefaultValue: true, default: false }),
        field({ name: "role", kind: "enum", type: "Role", hasDefaultValue: true, default: "VIEWER" }),
        field({ name: "tags", type: "String", isList: true }),
        field({ name: "name", type: "String", nativeType: ["VarChar", ["64"]], isRequired: false }),
        field({ name: "members", kind: "object", type: "Member", isList: true, relationFromFields: [] }),
      ],
    },
    {
      name: "Member",
      dbName: null,
      fields: [
        field({ name: "id", type: "BigInt", isId: true }),
        field({ name: "teamId", dbName: "team_id", type: "String" }),
        field({ name: "mentorTeamId", type: "String", isRequired: false }),
        field({ name: "team", kind: "object", type: "Team", relationFromFields: ["teamId"], relationToFields: ["id"] }),
        field({
          name: "mentorTeam",
          kind: "object",
          type: "Team",
          isRequired: false,
          relationFromFields: ["mentorTeamId"],
          relationToFields: ["id"],
          relationOnDelete: "Cascade",
        }),
      ],
    },
  ],
  indexes: [
    { model: "Team", type: "id", fields: [{ name: "id" }] },
    { model: "Team", type: "unique", fields: [{ name: "name" }] },
    { model: "Team", type: "normal", fields: [{ name: "createdAt", sortOrder: "desc" }, { name: "isOpen" }] },
    { model: "Team", type: "normal", dbName: "teams_tags_gin", algorithm: "Gin", fields: [{ name: "tags" }] },
    { model: "Member", type: "id", fields: [{ name: "id" }] },
  ],
};

describe("expectedSchemaFromDmmf", () => {
  const schema = expectedSchemaFromDmmf(datamodel);
  const teams = schema.tables.find((table) => table.name === "teams");
  const member = schema.tables.find((table) => table.name === "Member");

  it("maps models and fields to their @@map/@map names and Prisma's default PostgreSQL types", () => {
    expect(schema.tables.map((table) => table.name)).toEqual(["teams", "Member"]);
    expect(teams?.columns.map((column) => [column.name, column.type, column.isNullable])).toEqual([
      ["id", "text", false],
      ["seq", "integer", false],
      ["created_at", "timestamp(3) without time zone", false],
      ["is_open", "boolean", false],
      ["role", '"Role"', false],
      ["tags", "text[]", false],
      ["name", "character varying(64)", true],
    ]);
  });

  it("expects database defaults only where Prisma Migrate creates them", () => {
    expect(teams?.columns.map((column) => column.default)).toEqual([
      { kind: "none" }, // cuid() is filled in by Prisma Client
      { kind: "sequence" },
      { kind: "now" },
      { kind: "literal", value: "false" },
      { kind: "any" },
      { kind: "none" },
      { kind: "none" },
    ]);
  });

  it("names keys and indexes the way Prisma Migrate does unless map: names them", () => {
    expect(
      teams?.indexes.map((index) => [index.name, index.columns, index.isUnique, index.isPrimary, index.method]),
    ).toEqual([
      ["teams_pkey", ["id"], true, true, "btree"],
      ["teams_name_key", ["name"], true, false, "btree"],
      ["teams_created_at_is_open_idx", ["created_at DESC", "is_open"], false, false, "btree"],
      ["teams_tags_gin", ["tags"], false, false, "gin"],
    ]);
  });

  it("derives foreign keys with Prisma's default referential actions", () => {
    expect(member?.foreignKeys).toEqual([
      {
        name: "Member_team_id_fkey",
        columns: ["team_id"],
        referencedTable: "teams",
        referencedColumns: ["id"],
        onDelete: "RESTRICT", // required relation
        onUpdate: "CASCADE",
      },
      {
        name: "Member_mentorTeamId_fkey",
        columns: ["mentorTeamId"],
        referencedTable: "teams",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "CASCADE",
      },
    ]);
  });

  it("maps enums with their @map'd values", () => {
    expect(schema.enums).toEqual([{ name: "Role", values: ["ADMIN", "viewer"] }]);
  });

  it("shortens default names to PostgreSQL's 63-character identifiers", () => {
    const longName = "a".repeat(70);
    const long = expectedSchemaFromDmmf({
      enums: [],
      models: [{ name: "T", dbName: null, fields: [field({ name: longName, type: "Int" })] }],
      indexes: [{ model: "T", type: "normal", fields: [{ name: longName }] }],
    });
    const name = long.tables[0]?.indexes[0]?.name ?? "";
    expect(name).toHaveLength(63);
    expect(name.endsWith("_idx")).toBe(true);
  });
});
