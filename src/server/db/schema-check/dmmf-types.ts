/**
 * The parts of Prisma's DMMF (its parse of schema.prisma, as generators receive it) that the
 * schema check reads. Written out here because @prisma/dmmf is not a dependency; field names are
 * Prisma's.
 */
export type TDmmfDefault = { name: string; args: unknown[] } | string | number | boolean | unknown[];

export type TDmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt?: boolean;
  type: string;
  /** e.g. `["Timestamptz", ["3"]]` for `@db.Timestamptz(3)`; null for the default native type. */
  nativeType?: [string, string[]] | null;
  default?: TDmmfDefault;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type TDmmfModel = {
  name: string;
  dbName: string | null;
  fields: TDmmfField[];
};

export type TDmmfEnum = {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
};

export type TDmmfIndex = {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  /** Only present when the schema names it with `map:`. */
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};

export type TDmmfDatamodel = {
  models: TDmmfModel[];
  enums: TDmmfEnum[];
  indexes: TDmmfIndex[];
};
