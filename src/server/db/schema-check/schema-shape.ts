/** One database schema, described the same way whether it comes from schema.prisma or pg_catalog. */

/** pg_constraint.confdeltype / confupdtype letters, spelled out. */
export type TReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

/** What the database default of a column must look like. */
export type TDefaultExpectation =
  | { kind: "none" }
  /** Present, text not compared (string, enum and JSON literals, dbgenerated()). */
  | { kind: "any" }
  | { kind: "sequence" }
  | { kind: "now" }
  | { kind: "literal"; value: string };

export type TColumnShape<TDefault> = {
  name: string;
  /** As `format_type()` prints it, e.g. `timestamp(3) with time zone`, `text[]`. */
  type: string;
  isNullable: boolean;
  default: TDefault;
};

export type TIndexShape = {
  name: string;
  /** Column names, with ` DESC` appended for descending keys. */
  columns: string[];
  isUnique: boolean;
  isPrimary: boolean;
  /** Access method: btree, hash, gin, gist, … */
  method: string;
};

export type TForeignKeyShape = {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: TReferentialAction;
  onUpdate: TReferentialAction;
};

export type TTableShape<TDefault> = {
  name: string;
  columns: TColumnShape<TDefault>[];
  indexes: TIndexShape[];
  foreignKeys: TForeignKeyShape[];
};

export type TEnumShape = { name: string; values: string[] };

export type TSchemaShape<TDefault> = {
  tables: TTableShape<TDefault>[];
  enums: TEnumShape[];
};

/** Derived from schema.prisma. */
export type TExpectedSchema = TSchemaShape<TDefaultExpectation>;
/** Read from the database: the default is the expression PostgreSQL prints, or null. */
export type TActualSchema = TSchemaShape<string | null>;
