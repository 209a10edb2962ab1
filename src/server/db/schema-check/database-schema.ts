import type pg from "pg";
import type { TActualSchema, TForeignKeyShape, TIndexShape, TReferentialAction, TTableShape } from "./schema-shape";

// All queries look at current_schema() (public unless the URL's search_path says otherwise).
const TABLES = `
SELECT c.relname::text AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`;

const COLUMNS = `
SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS is_nullable,
       CASE WHEN a.attidentity <> '' THEN 'GENERATED AS IDENTITY' ELSE pg_get_expr(d.adbin, d.adrelid) END AS default
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum`;

// indkey/indoption are 0-based int2vectors; bit 0 of indoption marks a DESC key.
const INDEXES = `
SELECT t.relname::text AS table, i.relname::text AS name, ix.indisunique AS is_unique,
       ix.indisprimary AS is_primary, am.amname::text AS method,
       ARRAY(
         SELECT COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true))
                || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
         FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         ORDER BY k.ord
       )::text[] AS columns
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
WHERE n.nspname = current_schema()`;

const FOREIGN_KEYS = `
SELECT con.conname::text AS name, t.relname::text AS table, rt.relname::text AS referenced_table,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS referenced_columns
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_class rt ON rt.oid = con.confrelid
WHERE con.contype = 'f' AND n.nspname = current_schema()`;

const ENUMS = `
SELECT t.typname::text AS name,
       ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS values
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND n.nspname = current_schema()`;

const ACTION_CODES: Record<string, TReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

type TColumnRow = { table: string; name: string; type: string; is_nullable: boolean; default: string | null };
type TIndexRow = {
  table: string;
  name: string;
  is_unique: boolean;
  is_primary: boolean;
  method: string;
  columns: string[];
};
type TForeignKeyRow = {
  name: string;
  table: string;
  referenced_table: string;
  on_delete: string;
  on_update: string;
  columns: string[];
  referenced_columns: string[];
};

/** Tables, columns, indexes, foreign keys and enums of the connected database, from pg_catalog. */
export async function readDatabaseSchema(client: pg.Client): Promise<TActualSchema> {
  // One after another: a pg Client runs one query at a time anyway.
  const tables = await client.query<{ name: string }>(TABLES);
  const columns = await client.query<TColumnRow>(COLUMNS);
  const indexes = await client.query<TIndexRow>(INDEXES);
  const foreignKeys = await client.query<TForeignKeyRow>(FOREIGN_KEYS);
  const enums = await client.query<{ name: string; values: string[] }>(ENUMS);
  return {
    tables: tables.rows.map(({ name }): TTableShape<string | null> => ({
      name,
      columns: columns.rows
        .filter((row) => row.table === name)
        .map((row) => ({ name: row.name, type: row.type, isNullable: row.is_nullable, default: row.default })),
      indexes: indexes.rows
        .filter((row) => row.table === name)
        .map((row): TIndexShape => ({
          name: row.name,
          columns: row.columns,
          isUnique: row.is_unique,
          isPrimary: row.is_primary,
          method: row.method,
        })),
      foreignKeys: foreignKeys.rows
        .filter((row) => row.table === name)
        .map((row): TForeignKeyShape => ({
          name: row.name,
          columns: row.columns,
          referencedTable: row.referenced_table,
          referencedColumns: row.referenced_columns,
          onDelete: actionFromCode(row.on_delete),
          onUpdate: actionFromCode(row.on_update),
        })),
    })),
    enums: enums.rows.map((row) => ({ name: row.name, values: row.values })),
  };
}

function actionFromCode(code: string): TReferentialAction {
  return ACTION_CODES[code] ?? "NO ACTION";
}
