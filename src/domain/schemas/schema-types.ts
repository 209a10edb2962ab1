/**
 * The shapes every format's compiled schema shares, and how sentences name places and values.
 * Apart from value-schema.ts so that the format modules need not import the module that picks them.
 */
import type { TSchemaFormat } from "~/domain/definitions/definition";

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
