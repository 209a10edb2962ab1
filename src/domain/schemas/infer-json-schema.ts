import { JsonNumber } from "~/domain/messages/lossless-json";

/**
 * A JSON Schema (draft 2020-12) that every sample fits, for a person to start a definition from:
 * the types seen at each place (a type array when they differ, "null" among them when a null was
 * seen), integers when every number was whole (64-bit ones too), properties required when every
 * object sample had them, array items merged over all elements. Open content (no
 * additionalProperties): samples rarely show every key.
 */
type TShape = {
  types: Set<string>;
  objects: number;
  properties: Map<string, { shape: TShape; count: number }>;
  items: TShape | null;
};

/** Deeper levels are left unconstrained; sample values are untrusted and may nest thousands deep. */
const MAX_DEPTH = 32;
const TYPE_ORDER = ["object", "array", "string", "integer", "number", "boolean", "null"];

function emptyShape(): TShape {
  return { types: new Set(), objects: 0, properties: new Map(), items: null };
}

export function inferJsonSchema(values: readonly unknown[]): Record<string, unknown> {
  const root = emptyShape();
  for (const value of values) addSample(root, value, 0);
  return { $schema: "https://json-schema.org/draft/2020-12/schema", ...toSchema(root, 0) };
}

function addSample(shape: TShape, value: unknown, depth: number): void {
  if (depth >= MAX_DEPTH) {
    shape.types.add("any");
    return;
  }
  if (value === null || value === undefined) shape.types.add("null");
  else if (typeof value === "string") shape.types.add("string");
  else if (typeof value === "boolean") shape.types.add("boolean");
  else if (typeof value === "bigint") shape.types.add("integer");
  else if (typeof value === "number") shape.types.add(Number.isInteger(value) ? "integer" : "number");
  else if (value instanceof JsonNumber) shape.types.add(/^-?\d+$/.test(value.source) ? "integer" : "number");
  else if (Array.isArray(value)) {
    shape.types.add("array");
    for (const item of value) {
      shape.items ??= emptyShape();
      addSample(shape.items, item, depth + 1);
    }
  } else if (typeof value === "object") {
    shape.types.add("object");
    shape.objects++;
    for (const key of Object.keys(value)) {
      let property = shape.properties.get(key);
      if (!property) shape.properties.set(key, (property = { shape: emptyShape(), count: 0 }));
      property.count++;
      addSample(property.shape, (value as Record<string, unknown>)[key], depth + 1);
    }
  }
}

function toSchema(shape: TShape, depth: number): Record<string, unknown> {
  if (shape.types.has("any") || shape.types.size === 0) return {};
  const types = new Set(shape.types);
  // Whole and fractional numbers together are numbers.
  if (types.has("number")) types.delete("integer");
  const ordered = TYPE_ORDER.filter((type) => types.has(type));
  const schema: Record<string, unknown> = { type: ordered.length === 1 ? ordered[0] : ordered };
  if (types.has("object")) {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [key, property] of shape.properties) {
      Object.defineProperty(properties, key, {
        value: toSchema(property.shape, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (property.count === shape.objects) required.push(key);
    }
    if (shape.properties.size > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
  }
  if (types.has("array") && shape.items) schema.items = toSchema(shape.items, depth + 1);
  return schema;
}
