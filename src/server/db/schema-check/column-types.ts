import type { TDmmfEnum, TDmmfField } from "./dmmf-types";

/** Prisma scalar → the PostgreSQL type its migrations create when no `@db.` attribute is given. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** `@db.X(args)` → format_type() text. `$` marks where the arguments go, if any were given. */
const NATIVE_TYPES: Record<string, string> = {
  Text: "text",
  VarChar: "character varying$",
  Char: "character$",
  Uuid: "uuid",
  Xml: "xml",
  Inet: "inet",
  Citext: "citext",
  Boolean: "boolean",
  Bit: "bit$",
  VarBit: "bit varying$",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Oid: "oid",
  Real: "real",
  DoublePrecision: "double precision",
  Decimal: "numeric$",
  Money: "money",
  Timestamp: "timestamp$ without time zone",
  Timestamptz: "timestamp$ with time zone",
  Date: "date",
  Time: "time$ without time zone",
  Timetz: "time$ with time zone",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
};

/** Matches any type: `Unsupported("…")` fields, whose type Prisma does not interpret. */
export const ANY_TYPE = "*";

/** The type PostgreSQL's `format_type()` prints for the column a Prisma field maps to. */
export function expectedColumnType(field: TDmmfField, enums: TDmmfEnum[]): string {
  const base = baseType(field, enums);
  return field.isList && base !== ANY_TYPE ? `${base}[]` : base;
}

function baseType(field: TDmmfField, enums: TDmmfEnum[]): string {
  if (field.kind === "unsupported") return ANY_TYPE;
  if (field.kind === "enum") {
    const enumType = enums.find((candidate) => candidate.name === field.type);
    return quoteIdentifierLikePostgres(enumType?.dbName ?? field.type);
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const template = NATIVE_TYPES[name] ?? name.toLowerCase();
    return template.replace("$", args.length > 0 ? `(${args.join(",")})` : "");
  }
  return DEFAULT_TYPES[field.type] ?? field.type.toLowerCase();
}

/** format_type() quotes names that are not plain lower-case identifiers. */
export function quoteIdentifierLikePostgres(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
