import { expectedColumnType } from "./column-types";
import type { TDmmfDatamodel, TDmmfField, TDmmfIndex, TDmmfModel } from "./dmmf-types";
import type {
  TDefaultExpectation,
  TExpectedSchema,
  TForeignKeyShape,
  TIndexShape,
  TReferentialAction,
  TTableShape,
} from "./schema-shape";

/** PostgreSQL truncates identifiers to 63 bytes; Prisma shortens its default names to fit. */
const MAX_IDENTIFIER_LENGTH = 63;

const ACTIONS: Record<string, TReferentialAction> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Defaults that Prisma Client fills in itself; the database column has no default for them. */
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

/** What the database must contain for schema.prisma, following Prisma Migrate's conventions. */
export function expectedSchemaFromDmmf(datamodel: TDmmfDatamodel): TExpectedSchema {
  return {
    tables: datamodel.models.map((model) => expectedTable(model, datamodel)),
    enums: datamodel.enums.map((enumType) => ({
      name: enumType.dbName ?? enumType.name,
      values: enumType.values.map((value) => value.dbName ?? value.name),
    })),
  };
}

function expectedTable(model: TDmmfModel, datamodel: TDmmfDatamodel): TTableShape<TDefaultExpectation> {
  const table = tableName(model);
  const columnsOf = (names: string[]) => names.map((name) => columnName(fieldNamed(model, name)));
  return {
    name: table,
    columns: model.fields
      .filter((field) => field.kind !== "object")
      .map((field) => ({
        name: columnName(field),
        type: expectedColumnType(field, datamodel.enums),
        isNullable: !field.isRequired,
        default: expectedDefault(field),
      })),
    indexes: datamodel.indexes
      .filter((index) => index.model === model.name)
      .map((index) => expectedIndex(index, table, model)),
    foreignKeys: model.fields
      .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
      .map((relation): TForeignKeyShape => {
        const target = datamodel.models.find((candidate) => candidate.name === relation.type);
        if (!target)
          throw new Error(`Relation ${model.name}.${relation.name} points at unknown model ${relation.type}.`);
        const fromFields = relation.relationFromFields ?? [];
        const isOptional = fromFields.every((name) => !fieldNamed(model, name).isRequired);
        const columns = columnsOf(fromFields);
        return {
          // @relation(map: …) is not part of the DMMF, so only Prisma's default name can be expected.
          name: defaultName(table, columns, "fkey"),
          columns,
          referencedTable: tableName(target),
          referencedColumns: (relation.relationToFields ?? []).map((name) => columnName(fieldNamed(target, name))),
          onDelete: relation.relationOnDelete
            ? action(relation.relationOnDelete)
            : isOptional
              ? "SET NULL"
              : "RESTRICT",
          onUpdate: relation.relationOnUpdate ? action(relation.relationOnUpdate) : "CASCADE",
        };
      }),
  };
}

function expectedIndex(index: TDmmfIndex, table: string, model: TDmmfModel): TIndexShape {
  const columns = index.fields.map((field) => columnName(fieldNamed(model, field.name)));
  const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
  return {
    name: index.dbName ?? (index.type === "id" ? `${table}_pkey` : defaultName(table, columns, suffix)),
    columns: index.fields.map((field, i) => `${columns[i]}${field.sortOrder === "desc" ? " DESC" : ""}`),
    isUnique: index.type !== "normal",
    isPrimary: index.type === "id",
    method: (index.algorithm ?? "BTree").toLowerCase(),
  };
}

function expectedDefault(field: TDmmfField): TDefaultExpectation {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: "none" };
  const value = field.default;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return { kind: "none" };
    if (value.name === "autoincrement") return { kind: "sequence" };
    if (value.name === "now") return { kind: "now" };
    return { kind: "any" };
  }
  if (typeof value === "boolean" || typeof value === "number") return { kind: "literal", value: String(value) };
  return { kind: "any" };
}

/** Prisma's naming convention: `<table>_<columns>_<suffix>`, shortened to fit 63 characters. */
function defaultName(table: string, columns: string[], suffix: string): string {
  const stem = [table, ...columns].join("_");
  return `${stem.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1)}_${suffix}`;
}

function action(prismaAction: string): TReferentialAction {
  const mapped = ACTIONS[prismaAction];
  if (!mapped) throw new Error(`Unknown referential action ${prismaAction}.`);
  return mapped;
}

function tableName(model: TDmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: TDmmfField): string {
  return field.dbName ?? field.name;
}

function fieldNamed(model: TDmmfModel, name: string): TDmmfField {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`Model ${model.name} has no field ${name}.`);
  return field;
}
