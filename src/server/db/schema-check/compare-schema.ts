import { ANY_TYPE } from "./column-types";
import type {
  TActualSchema,
  TColumnShape,
  TDefaultExpectation,
  TExpectedSchema,
  TForeignKeyShape,
  TIndexShape,
  TTableShape,
} from "./schema-shape";

/** Prisma's bookkeeping table: in the database, never in schema.prisma. */
const BOOKKEEPING_TABLES = new Set(["_prisma_migrations"]);

/**
 * Every way the database differs from what schema.prisma describes, one sentence each; empty when
 * they match. Extra tables, columns, indexes, foreign keys and enums count as differences too.
 */
export function compareSchemas(expected: TExpectedSchema, actual: TActualSchema): string[] {
  const differences: string[] = [];
  for (const table of expected.tables) {
    const found = actual.tables.find((candidate) => candidate.name === table.name);
    if (found) differences.push(...compareTables(table, found));
    else differences.push(`table ${table.name} is missing`);
  }
  for (const table of actual.tables) {
    if (!BOOKKEEPING_TABLES.has(table.name) && !expected.tables.some((candidate) => candidate.name === table.name)) {
      differences.push(`table ${table.name} is in the database but not in schema.prisma`);
    }
  }
  for (const enumType of expected.enums) {
    const found = actual.enums.find((candidate) => candidate.name === enumType.name);
    if (!found) differences.push(`enum ${enumType.name} is missing`);
    else if (found.values.join(",") !== enumType.values.join(",")) {
      differences.push(
        `enum ${enumType.name} has values [${found.values.join(", ")}], expected [${enumType.values.join(", ")}]`,
      );
    }
  }
  for (const enumType of actual.enums) {
    if (!expected.enums.some((candidate) => candidate.name === enumType.name)) {
      differences.push(`enum ${enumType.name} is in the database but not in schema.prisma`);
    }
  }
  return differences;
}

function compareTables(expected: TTableShape<TDefaultExpectation>, actual: TTableShape<string | null>): string[] {
  const where = (what: string) => `${expected.name}.${what}`;
  const differences: string[] = [];
  compareByName(expected.columns, actual.columns, "column", where, differences, compareColumns);
  compareByName(expected.indexes, actual.indexes, "index", where, differences, compareIndexes);
  compareByName(expected.foreignKeys, actual.foreignKeys, "foreign key", where, differences, compareForeignKeys);
  return differences;
}

function compareByName<TExpected extends { name: string }, TActual extends { name: string }>(
  expected: TExpected[],
  actual: TActual[],
  kind: string,
  where: (what: string) => string,
  differences: string[],
  compare: (expected: TExpected, actual: TActual) => string[],
): void {
  for (const item of expected) {
    const found = actual.find((candidate) => candidate.name === item.name);
    if (!found) differences.push(`${kind} ${where(item.name)} is missing`);
    else differences.push(...compare(item, found).map((problem) => `${kind} ${where(item.name)} ${problem}`));
  }
  for (const item of actual) {
    if (!expected.some((candidate) => candidate.name === item.name)) {
      differences.push(`${kind} ${where(item.name)} is in the database but not in schema.prisma`);
    }
  }
}

function compareColumns(expected: TColumnShape<TDefaultExpectation>, actual: TColumnShape<string | null>): string[] {
  const problems: string[] = [];
  if (expected.type !== ANY_TYPE && expected.type !== actual.type) {
    problems.push(`has type ${actual.type}, expected ${expected.type}`);
  }
  if (expected.isNullable !== actual.isNullable) {
    problems.push(expected.isNullable ? "is NOT NULL, expected nullable" : "is nullable, expected NOT NULL");
  }
  const defaultProblem = compareDefault(expected.default, actual.default);
  if (defaultProblem) problems.push(defaultProblem);
  return problems;
}

function compareDefault(expected: TDefaultExpectation, actual: string | null): string | null {
  const shown = actual === null ? "no default" : `default ${actual}`;
  switch (expected.kind) {
    case "none":
      return actual === null ? null : `has ${shown}, expected none`;
    case "any":
      return actual !== null ? null : "has no default, expected one";
    case "sequence":
      return actual?.startsWith("nextval(") ? null : `has ${shown}, expected a sequence (autoincrement)`;
    case "now":
      return actual === "CURRENT_TIMESTAMP" || actual === "now()" ? null : `has ${shown}, expected CURRENT_TIMESTAMP`;
    case "literal":
      return actual !== null && stripCast(actual) === expected.value
        ? null
        : `has ${shown}, expected ${expected.value}`;
  }
}

/** `'1.5'::numeric` → `1.5`, `false` → `false`. */
function stripCast(expression: string): string {
  return expression.replace(/::[\w\s"[\]().,]+$/, "").replace(/^'(.*)'$/, "$1");
}

function compareIndexes(expected: TIndexShape, actual: TIndexShape): string[] {
  const problems: string[] = [];
  if (expected.columns.join(", ") !== actual.columns.join(", ")) {
    problems.push(`covers (${actual.columns.join(", ")}), expected (${expected.columns.join(", ")})`);
  }
  if (expected.isPrimary !== actual.isPrimary)
    problems.push(expected.isPrimary ? "is not the primary key" : "is a primary key");
  else if (expected.isUnique !== actual.isUnique) problems.push(expected.isUnique ? "is not unique" : "is unique");
  if (expected.method !== actual.method) problems.push(`uses ${actual.method}, expected ${expected.method}`);
  return problems;
}

function compareForeignKeys(expected: TForeignKeyShape, actual: TForeignKeyShape): string[] {
  const problems: string[] = [];
  const describe = (key: TForeignKeyShape) =>
    `(${key.columns.join(", ")}) → ${key.referencedTable}(${key.referencedColumns.join(", ")})`;
  if (describe(expected) !== describe(actual)) problems.push(`is ${describe(actual)}, expected ${describe(expected)}`);
  if (expected.onDelete !== actual.onDelete)
    problems.push(`is ON DELETE ${actual.onDelete}, expected ${expected.onDelete}`);
  if (expected.onUpdate !== actual.onUpdate)
    problems.push(`is ON UPDATE ${actual.onUpdate}, expected ${expected.onUpdate}`);
  return problems;
}
