/**
 * Whether every value the writer's JSON Schema admits is admitted by the reader's, checked rule by
 * rule on the schemas' structure (a full subset test of JSON Schemas is undecidable in general):
 * types dropped, enum values dropped, properties newly required, properties removed under a closed
 * content model, content closed, bounds tightened, patterns added or changed — walking properties
 * and items. `$ref`s, combinators (allOf/anyOf/oneOf/if) and boolean sub-schemas other than false
 * are not compared: such a change passes silently. A property added to an open content model
 * passes too (the Schema Registry calls it a break, since old values could have carried that key
 * with another type; in practice producers do not send keys the schema never named, and adding an
 * optional field is the evolution people expect to be backward compatible).
 */
type TSchema = Record<string, unknown>;

const TIGHTER_WHEN_HIGHER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"] as const;
const TIGHTER_WHEN_LOWER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"] as const;

export function jsonSchemaReadProblems(reader: unknown, writer: unknown): string[] {
  const problems: string[] = [];
  compare(reader, writer, "", problems, 0);
  return problems;
}

/** Hand-written schemas are not this deep; the limit keeps a cyclic-looking document cheap. */
const MAX_DEPTH = 64;

function compare(reader: unknown, writer: unknown, path: string, problems: string[], depth: number): void {
  if (depth > MAX_DEPTH || writer === false) return;
  const place = path === "" ? "the value" : `field "${path}"`;
  if (reader === false) {
    problems.push(`${place} is refused entirely, though values were allowed before.`);
    return;
  }
  if (!isSchema(reader)) return;
  const before = isSchema(writer) ? writer : {};

  const readerTypes = typesOf(reader);
  const writerTypes = typesOf(before);
  if (readerTypes) {
    if (!writerTypes) problems.push(`${place} is now limited to the type ${[...readerTypes].join(" or ")}.`);
    else {
      for (const type of writerTypes) {
        const isAccepted = readerTypes.has(type) || (type === "integer" && readerTypes.has("number"));
        if (!isAccepted)
          problems.push(`${place} may no longer be of type ${type} (now ${[...readerTypes].join(" or ")}).`);
      }
    }
  }

  if (Array.isArray(reader.enum)) {
    if (!Array.isArray(before.enum))
      problems.push(`${place} is now limited to the values ${reader.enum.map(show).join(", ")}.`);
    else {
      const allowed = new Set(reader.enum.map(show));
      for (const value of before.enum) {
        if (!allowed.has(show(value))) problems.push(`${place} may no longer be ${show(value)} (it left the enum).`);
      }
    }
  }

  for (const keyword of TIGHTER_WHEN_HIGHER) {
    const now = reader[keyword];
    const was = before[keyword];
    if (typeof now === "number" && (typeof was !== "number" || now > was)) {
      problems.push(
        `${place}: ${keyword} ${typeof was === "number" ? `rises from ${was} to ${now}` : `${now} is new`}.`,
      );
    }
  }
  for (const keyword of TIGHTER_WHEN_LOWER) {
    const now = reader[keyword];
    const was = before[keyword];
    if (typeof now === "number" && (typeof was !== "number" || now < was)) {
      problems.push(
        `${place}: ${keyword} ${typeof was === "number" ? `falls from ${was} to ${now}` : `${now} is new`}.`,
      );
    }
  }
  if (typeof reader.pattern === "string" && reader.pattern !== before.pattern) {
    problems.push(
      `${place}: the pattern ${typeof before.pattern === "string" ? "changes" : "is new"} (${reader.pattern}).`,
    );
  }

  compareObjects(reader, before, path, problems, depth);
  if (isSchema(reader.items) && before.items !== undefined)
    compare(reader.items, before.items, `${path}[]`, problems, depth + 1);
  else if (isSchema(reader.items) && before.items === undefined)
    compare(reader.items, {}, `${path}[]`, problems, depth + 1);
}

function compareObjects(reader: TSchema, writer: TSchema, path: string, problems: string[], depth: number): void {
  const prefix = path === "" ? "" : `${path}.`;
  const readerProperties = isSchema(reader.properties) ? reader.properties : {};
  const writerProperties = isSchema(writer.properties) ? writer.properties : {};
  const wasRequired = new Set(Array.isArray(writer.required) ? writer.required : []);
  for (const key of Array.isArray(reader.required) ? reader.required : []) {
    if (typeof key === "string" && !wasRequired.has(key)) {
      problems.push(`field "${prefix}${key}" is now required, and values without it exist.`);
    }
  }
  const isClosed = reader.additionalProperties === false || reader.unevaluatedProperties === false;
  const wasClosed = writer.additionalProperties === false || writer.unevaluatedProperties === false;
  for (const key of Object.keys(writerProperties)) {
    if (Object.hasOwn(readerProperties, key)) {
      compare(readerProperties[key], writerProperties[key], `${prefix}${key}`, problems, depth + 1);
    } else if (isClosed) {
      problems.push(`field "${prefix}${key}" is removed while the schema admits no other properties.`);
    } else if (isSchema(reader.additionalProperties)) {
      compare(reader.additionalProperties, writerProperties[key], `${prefix}${key}`, problems, depth + 1);
    }
  }
  if (isClosed && !wasClosed) {
    problems.push(`${path === "" ? "the value" : `field "${path}"`} no longer admits properties beyond those listed.`);
  }
}

function isSchema(value: unknown): value is TSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function typesOf(schema: TSchema): Set<string> | null {
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type))
    return new Set(schema.type.filter((type): type is string => typeof type === "string"));
  return null;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}
