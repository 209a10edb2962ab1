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
import type { TCompileResult } from "./schema-types";

export type { TSchemaFormat };
export type { TCompileResult, TDecodeOptions, TSchemaViolation, TValueSchema } from "./schema-types";

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
