/**
 * The shape of what flows on an edge (a JSON Schema inferred from the dry run's values, as
 * `domain/schemas/infer-json-schema.ts` writes it) as lines a person reads: `metric: string`,
 * `model.z: number`, `tags[]: string`, with `?` on fields some values lacked.
 */
export type TShapeLine = { path: string; type: string; isOptional: boolean };

/** Deeper levels are summed up as "object": values are untrusted and may nest far. */
const MAX_DEPTH = 8;
/** An edge with hundreds of fields would bury the inspector; the rest is counted. */
export const MAX_SHAPE_LINES = 200;

export function shapeLines(schema: Record<string, unknown> | null): TShapeLine[] {
  if (schema === null) return [];
  const lines: TShapeLine[] = [];
  walk(schema, "", false, 0, lines);
  return lines;
}

function walk(schema: unknown, path: string, isOptional: boolean, depth: number, lines: TShapeLine[]): void {
  if (lines.length >= MAX_SHAPE_LINES + 1) return;
  const node = isRecord(schema) ? schema : {};
  const properties = isRecord(node.properties) ? node.properties : null;
  const listed = typesOf(node);
  // Fields without a type still say it is an object.
  const types = properties && listed[0] === "any" ? ["object"] : listed;
  const items = isRecord(node.items) ? node.items : null;
  const canOpen = depth < MAX_DEPTH;
  // An object with known fields is shown by its fields; other types at the same place stay on its line.
  if (properties && canOpen && Object.keys(properties).length > 0) {
    const others = types.filter((type) => type !== "object");
    if (others.length > 0) lines.push({ path: path || "(value)", type: types.join(" | "), isOptional });
    const required = new Set(
      Array.isArray(node.required) ? node.required.filter((key) => typeof key === "string") : [],
    );
    for (const [key, child] of Object.entries(properties)) {
      walk(child, path === "" ? key : `${path}.${key}`, !required.has(key), depth + 1, lines);
    }
    return;
  }
  if (items && canOpen && types.includes("array")) {
    const itemTypes = typesOf(items);
    const itemProperties = isRecord(items.properties) ? Object.keys(items.properties) : [];
    if (itemProperties.length === 0) {
      lines.push({ path: path || "(value)", type: arrayType(types, itemTypes), isOptional });
      return;
    }
    lines.push({ path: path || "(value)", type: arrayType(types, ["object"]), isOptional });
    walk(items, `${path || "(value)"}[]`, false, depth + 1, lines);
    return;
  }
  lines.push({ path: path || "(value)", type: types.join(" | "), isOptional });
}

function arrayType(types: string[], itemTypes: string[]): string {
  const item = itemTypes.length === 1 ? itemTypes[0]! : `(${itemTypes.join(" | ")})`;
  return types.map((type) => (type === "array" ? `array of ${item}` : type)).join(" | ");
}

function typesOf(node: Record<string, unknown>): string[] {
  if (typeof node.type === "string") return [node.type];
  if (Array.isArray(node.type)) {
    const listed = node.type.filter((type): type is string => typeof type === "string");
    if (listed.length > 0) return listed;
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = node[key];
    if (Array.isArray(options)) {
      const types = options.flatMap((option) => (isRecord(option) ? typesOf(option) : []));
      if (types.length > 0) return [...new Set(types)];
    }
  }
  return ["any"];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
