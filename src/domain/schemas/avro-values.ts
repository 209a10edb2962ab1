import type { Type } from "avsc";
import { JsonNumber } from "~/domain/messages/lossless-json";
import { base64ToBytesStrict, toExactInteger, toNumber } from "./json-values";

/**
 * Avro values to and from JSON-like values. In JSON, longs are JsonNumber (all 64 bits exact),
 * bytes and fixed are base64 strings (as Protobuf's JSON mapping does; Avro's own JSON encoding
 * uses one character per byte, unreadable for binary), unions are unwrapped when avsc can tell the
 * branch from the value and `{ "branch": value }` otherwise.
 */

type TField = { name: string; type: Type; defaultValue(): unknown };
type TRecordType = Type & { fields: TField[] };

/** Decoded Avro → JSON-like (bigint → JsonNumber, Buffer → base64 via toJsonText's Uint8Array rule kept as bytes). */
export function fromAvroValue(value: unknown): unknown {
  if (typeof value === "bigint") return new JsonNumber(value.toString());
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Uint8Array) return bytesToBase64Text(value);
  if (Array.isArray(value)) return value.map(fromAvroValue);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: fromAvroValue((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function bytesToBase64Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Keys of a record in the input that the record does not declare (Avro would drop them silently). */
export type TUnknownField = { path: string; key: string; record: string };

/**
 * JSON-like → what avsc writes: numbers from JsonNumber, longs as bigint, base64 → Buffer, missing
 * fields filled from their defaults. What does not fit is left as it is, for isValid to name.
 */
export function toAvroValue(type: Type, value: unknown, path: string, unknown: TUnknownField[]): unknown {
  switch (type.typeName) {
    case "int":
    case "float":
    case "double":
      return value instanceof JsonNumber || typeof value === "bigint" ? toNumber(value) : value;
    case "long":
    case "abstract:long": {
      const exact = toExactInteger(value);
      return exact ?? value;
    }
    case "bytes":
    case "fixed": {
      const bytes = typeof value === "string" ? base64ToBytesStrict(value) : null;
      return bytes ? Buffer.from(bytes) : value;
    }
    case "array": {
      const items = (type as Type & { itemsType: Type }).itemsType;
      return Array.isArray(value)
        ? value.map((item, index) => toAvroValue(items, item, `${path}/${index}`, unknown))
        : value;
    }
    case "map": {
      const values = (type as Type & { valuesType: Type }).valuesType;
      if (!isPlainObject(value)) return value;
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(value)) out[key] = toAvroValue(values, value[key], `${path}/${key}`, unknown);
      return out;
    }
    case "record":
    case "error":
      return toAvroRecord(type as TRecordType, value, path, unknown);
    case "union:unwrapped":
      return toAvroUnwrapped(type as Type & { types: Type[] }, value, path, unknown);
    case "union:wrapped": {
      if (!isPlainObject(value)) return value;
      const [key, ...rest] = Object.keys(value);
      const branch = (type as Type & { types: Type[] }).types.find((candidate) => candidate.branchName === key);
      if (!branch || rest.length > 0 || key === undefined) return value;
      return { [key]: toAvroValue(branch, value[key], `${path}/${key}`, unknown) };
    }
    default:
      return value;
  }
}

function toAvroRecord(type: TRecordType, value: unknown, path: string, unknown: TUnknownField[]): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  const declared = new Set<string>();
  for (const field of type.fields) {
    declared.add(field.name);
    let fieldValue = value[field.name];
    if (fieldValue === undefined) fieldValue = field.defaultValue();
    out[field.name] = toAvroValue(field.type, fieldValue, `${path}/${field.name}`, unknown);
  }
  for (const key of Object.keys(value)) {
    if (!declared.has(key)) unknown.push({ path: `${path}/${key}`, key, record: type.name ?? "record" });
  }
  return out;
}

/** The first branch the converted value fits; an ambiguous value (1 for int or long) takes the earlier branch, as avsc does. */
function toAvroUnwrapped(
  type: Type & { types: Type[] },
  value: unknown,
  path: string,
  unknown: TUnknownField[],
): unknown {
  for (const branch of type.types) {
    const branchUnknown: TUnknownField[] = [];
    const converted = toAvroValue(branch, value, path, branchUnknown);
    if (branch.isValid(converted) && branchUnknown.length === 0) return converted;
  }
  for (const branch of type.types) {
    const branchUnknown: TUnknownField[] = [];
    const converted = toAvroValue(branch, value, path, branchUnknown);
    if (branch.isValid(converted)) {
      unknown.push(...branchUnknown);
      return converted;
    }
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber) &&
    !(value instanceof Uint8Array)
  );
}
