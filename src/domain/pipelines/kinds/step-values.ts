/**
 * What the steps share: reading and writing dot-path fields without mutating the input (the dry
 * run keeps input records as samples), emitting, and the sentences a dead letter carries.
 */
import { DEAD_LETTER_PORT, MAIN_PORT, type TStepEmit, type TStepRecord } from "../step-types";

export type TPlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is TPlainObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A field's dot path split once, when the step is built. */
export function pathSegments(path: string): readonly string[] {
  return path.split(".");
}

const hasOwn = (object: TPlainObject, name: string) => Object.prototype.hasOwnProperty.call(object, name);

/** The field's value; undefined when it (or an object on its way) is missing. */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const name of segments) {
    if (!isPlainObject(current) || !hasOwn(current, name)) return undefined;
    current = current[name];
  }
  return current;
}

/** A copy of `object` with the field set, copying only the objects along the path. */
export function writePath(object: TPlainObject, segments: readonly string[], field: unknown, at = 0): TPlainObject {
  const name = segments[at]!;
  const copy: TPlainObject = { ...object };
  if (at === segments.length - 1) {
    copy[name] = field;
    return copy;
  }
  const inner = hasOwn(object, name) ? object[name] : undefined;
  copy[name] = writePath(isPlainObject(inner) ? inner : {}, segments, field, at + 1);
  return copy;
}

/** A copy of `object` without the field; `object` itself when the field is absent. */
export function deletePath(object: TPlainObject, segments: readonly string[], at = 0): TPlainObject {
  const name = segments[at]!;
  if (!hasOwn(object, name)) return object;
  if (at === segments.length - 1) return without(object, name);
  const inner = object[name];
  if (!isPlainObject(inner)) return object;
  const changed = deletePath(inner, segments, at + 1);
  return changed === inner ? object : { ...object, [name]: changed };
}

/** A copy without one field, built field by field: `delete` would turn the copy into a slow dictionary. */
export function without(object: TPlainObject, name: string): TPlainObject {
  const copy: TPlainObject = {};
  for (const field in object) {
    if (field !== name && hasOwn(object, field)) copy[field] = object[field];
  }
  return copy;
}

/** The same record with another value (and key); a literal, so that every record has one shape. */
export function withValue(record: TStepRecord, value: unknown, key: string | null = record.key): TStepRecord {
  return {
    key,
    value,
    timestamp: record.timestamp,
    headers: record.headers,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
  };
}

export function out(record: TStepRecord, port: string = MAIN_PORT): TStepEmit {
  return { port, record };
}

export function deadLetter(record: TStepRecord, reason: string): TStepEmit {
  return { port: DEAD_LETTER_PORT, record, reason };
}

/** "the text \"abc\"", "null", "an object": what a field held, for a sentence. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

export const malformedSentence = (what: string) => `The value is not a JSON object, so ${what}.`;

export const missingFieldSentence = (path: string) => `The value has no field ${path}.`;

/** A number read from the field, or the sentence saying why there is none. */
export function numberAt(value: unknown, segments: readonly string[], path: string): number | string {
  const field = readPath(value, segments);
  if (typeof field === "number" && Number.isFinite(field)) return field;
  if (field === undefined) return missingFieldSentence(path);
  return `The field ${path} is not a number (it is ${describeValue(field)}).`;
}
