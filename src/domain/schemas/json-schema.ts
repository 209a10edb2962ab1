import Ajv2020, { type ErrorObject } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { BYTE_VALIDATORS } from "./byte-validators";
import { toJsonText, toPlainNumbers } from "./json-values";
import { RE2_REGEXP } from "./re2-regexp";
import { describePath, type TCompileResult, type TSchemaViolation, type TValueSchema } from "./schema-types";
import { CONFLUENT_HEADER_BYTES } from "./wire-format";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** A JSON Schema (draft 2020-12 unless the schema's $schema says otherwise ajv can read) compiled by ajv. */
export function compileJsonSchema(text: string): TCompileResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The JSON Schema is not valid JSON: ${(error as Error).message}.` };
  }
  if (typeof document !== "boolean" && (document === null || typeof document !== "object" || Array.isArray(document))) {
    return { ok: false, message: "A JSON Schema is an object (or true / false)." };
  }
  let check: ReturnType<Ajv2020["compile"]>;
  try {
    // One instance per schema: two schemas with the same $id must not collide in a shared registry.
    // strict: false accepts the unknown keywords (x-…, title extensions) hand-written schemas carry.
    const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false, code: { regExp: RE2_REGEXP } });
    addFormats(ajv);
    check = ajv.compile(document as object);
  } catch (error) {
    return { ok: false, message: `The JSON Schema does not compile: ${(error as Error).message}.` };
  }

  const validatePlain = (value: unknown): TSchemaViolation | null => {
    try {
      if (check(value)) return null;
    } catch (error) {
      if (error instanceof RangeError)
        return { path: "", rule: "depth", message: "The value is nested too deeply to check." };
      throw error;
    }
    return toViolation(check.errors?.[0]);
  };

  const schema: TValueSchema = {
    format: "json",
    validate: (value) => validatePlain(toPlainNumbers(value)),
    decode(bytes, options) {
      const text = decodeText(options?.isFramed ? bytes.subarray(CONFLUENT_HEADER_BYTES) : bytes);
      if (text === null) return { ok: false, message: "The value is not valid UTF-8, so it cannot be JSON." };
      const parsed = parseJsonLossless(text.trim());
      return parsed ? { ok: true, value: parsed.value } : { ok: false, message: "The value is not valid JSON." };
    },
    encode: (value) => ({ ok: true, bytes: encoder.encode(toJsonText(value)) }),
  };
  BYTE_VALIDATORS.set(schema, (bytes) => {
    const text = decodeText(bytes);
    if (text === null) return { message: "The value is not valid UTF-8, so it cannot be JSON." };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { message: "The value is not valid JSON." };
    }
    return { violation: validatePlain(value) };
  });
  return { ok: true, schema };
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** ajv's first error as a sentence naming the place; required and extra properties name the key itself. */
function toViolation(error: ErrorObject | undefined): TSchemaViolation {
  if (!error) return { path: "", rule: "schema", message: "The value does not match the schema." };
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    const path = `${error.instancePath}/${escapePointer(params.missingProperty)}`;
    return { path, rule: "required", message: `${capitalize(describePath(path))} is required but missing.` };
  }
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    const path = `${error.instancePath}/${escapePointer(params.additionalProperty)}`;
    return {
      path,
      rule: "additionalProperties",
      message: `${capitalize(describePath(path))} is not a property the schema allows.`,
    };
  }
  const path = error.instancePath;
  return {
    path,
    rule: error.keyword,
    message: `${capitalize(describePath(path))} ${error.message ?? "does not match the schema"}.`,
  };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
