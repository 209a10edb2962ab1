/**
 * A topic's value schema, compiled: validate JSON-like values, decode bytes, encode values.
 *
 * Runs on the server only. ajv, avsc and protobufjs compile schemas into JavaScript with
 * `new Function`, which the browser's CSP forbids (and which the lint rule on src/features,
 * src/components and src/app keeps out of client bundles).
 *
 * Security reasoning. Schema texts come from operators (pasted from anywhere, so not fully trusted);
 * payloads are untrusted. The three libraries escape every name and literal they put into
 * generated code (ajv's code generator quotes strings and property names; Avro and Protobuf names
 * must match identifier grammars before they are used), so a schema cannot inject code, and a
 * payload never reaches code generation at all — it is only data for the compiled functions.
 * What remains is cost: schema texts are capped at MAX_SCHEMA_CHARS; JSON Schema `pattern` and
 * `patternProperties` run on RE2 (linear time, so no catastrophic backtracking on untrusted
 * strings); remote `$ref`s are never fetched (ajv has no loader here); very deep values that
 * overflow the stack become a violation, not a crash. Compiled schemas are cached by text, so a
 * schema compiles once per process however many records it judges.
 */
import type { TSchemaFormat } from "~/domain/definitions/definition";
import { compileAvroSchema } from "./avro-schema";
import { compileJsonSchema } from "./json-schema";
import { compileProtobufSchema } from "./protobuf-schema";

export type { TSchemaFormat };

/** Why a value breaks a schema. `path` is a JSON Pointer ("/cpu", "/tags/0"; "" is the whole value). */
export type TSchemaViolation = { path: string; rule: string; message: string };

export type TDecodeOptions = {
  /**
   * The bytes are a whole Confluent wire-format frame (magic byte 0, int32 schema id, for Protobuf
   * the message indexes, then the payload) whose schema id the caller has matched to this schema.
   */
  isFramed?: boolean;
};

export type TValueSchema = {
  format: TSchemaFormat;
  /** Null when the value conforms. Values are JS values as parsed from JSON (JsonNumber and bigint count as numbers). */
  validate(value: unknown): TSchemaViolation | null;
  /** Bytes → JSON-like value (64-bit integers as JsonNumber or, for Protobuf, decimal strings). */
  decode(bytes: Uint8Array, options?: TDecodeOptions): { ok: true; value: unknown } | { ok: false; message: string };
  /** JSON-like value → bytes in this format (plain Avro binary / Protobuf, not framed); for json the JSON text. */
  encode(value: unknown): { ok: true; bytes: Uint8Array } | { ok: false; violation: TSchemaViolation };
};

export type TCompileResult = { ok: true; schema: TValueSchema } | { ok: false; message: string };

/** A generous ceiling for a hand-written schema; compile time and generated code grow with the text. */
export const MAX_SCHEMA_CHARS = 256 * 1024;

const CACHE_LIMIT = 200;
const cache = new Map<string, TCompileResult>();

export function compileValueSchema(format: TSchemaFormat, text: string): TCompileResult {
  if (text.length > MAX_SCHEMA_CHARS) {
    return { ok: false, message: `The schema is ${text.length} characters long; the limit is ${MAX_SCHEMA_CHARS}.` };
  }
  const cacheKey = `${format}\u0000${text}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const result = compileUncached(format, text);
  // Oldest out first: a Map iterates in insertion order.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, result);
  return result;
}

function compileUncached(format: TSchemaFormat, text: string): TCompileResult {
  switch (format) {
    case "json":
      return compileJsonSchema(text);
    case "avro":
      return compileAvroSchema(text);
    case "protobuf":
      return compileProtobufSchema(text);
  }
}

/** "/cpu" → "cpu", "" → "the value": how a sentence names a place in a value. */
export function describePath(path: string): string {
  return path === "" ? "the value" : `"${path.slice(1)}"`;
}

export function describeValueType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return isJsonNumberLike(value) ? "a number" : "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number" || typeof value === "bigint") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return "nothing";
}

function isJsonNumberLike(value: object): boolean {
  return value.constructor?.name === "JsonNumber";
}
