import protobuf from "protobufjs";
import { JsonNumber } from "~/domain/messages/lossless-json";
import { capitalize } from "./json-schema";
import { base64ToBytesStrict, isNumberLike, toExactInteger, toNumber } from "./json-values";
import { describePath, describeValueType, type TSchemaViolation } from "./schema-types";

/**
 * Checks a JSON-like value against a Protobuf message type as the Protobuf JSON mapping reads it
 * (64-bit integers as numbers or decimal strings, enums as names or numbers, bytes as base64, null
 * as "not set"), and converts it into what protobufjs' fromObject takes without loss (64-bit
 * integers as decimal strings, which it reads with Long). protobufjs' own fromObject coerces
 * anything silently, and verify() wants its runtime objects, so neither can judge JSON input.
 */
export type TProtobufCheck = { violation: TSchemaViolation | null; converted: unknown };

const RANGES: Record<string, readonly [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

class Violation extends Error {
  constructor(readonly violation: TSchemaViolation) {
    super(violation.message);
  }
}

function fail(path: string, rule: string, text: string): never {
  throw new Violation({ path, rule, message: `${capitalize(describePath(path))} ${text}.` });
}

export function checkProtobufValue(type: protobuf.Type, value: unknown): TProtobufCheck {
  try {
    return { violation: null, converted: convertMessage(type, value, "") };
  } catch (error) {
    if (error instanceof Violation) return { violation: error.violation, converted: undefined };
    if (error instanceof RangeError) {
      return {
        violation: { path: "", rule: "depth", message: "The value is nested too deeply to check." },
        converted: undefined,
      };
    }
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof JsonNumber);
}

function convertMessage(type: protobuf.Type, value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value))
    fail(path, "type", `must be an object (the message ${type.name}), not ${describeValueType(value)}`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field =
      type.fields[key] ?? type.fieldsArray.find((candidate) => protobuf.util.camelCase(candidate.name) === key);
    const fieldPath = `${path}/${key}`;
    if (!field) fail(fieldPath, "unknownField", `is not a field of the message ${type.name}`);
    const fieldValue = value[key];
    if (fieldValue === null) continue; // JSON mapping: null means the field is not set.
    field.resolve();
    out[field.name] = convertField(field, fieldValue, fieldPath);
  }
  for (const field of type.fieldsArray) {
    if (field.required && out[field.name] === undefined)
      fail(`${path}/${field.name}`, "required", "is a required field but missing");
  }
  return out;
}

function convertField(field: protobuf.Field, value: unknown, path: string): unknown {
  if (field instanceof protobuf.MapField) {
    if (!isPlainObject(value)) fail(path, "type", `must be an object (a map), not ${describeValueType(value)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (field.keyType !== "string") convertScalar(field.keyType, key, `${path}/${key}`, "key");
      out[key] = convertSingle(field, value[key], `${path}/${key}`);
    }
    return out;
  }
  if (field.repeated) {
    if (!Array.isArray(value))
      fail(path, "type", `must be an array (a repeated field), not ${describeValueType(value)}`);
    return value.map((item, index) => convertSingle(field, item, `${path}/${index}`));
  }
  return convertSingle(field, value, path);
}

function convertSingle(field: protobuf.Field, value: unknown, path: string): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return convertMessage(resolved, value, path);
  if (resolved instanceof protobuf.Enum) {
    if (typeof value === "string" && value in resolved.values) return value;
    const integer = toExactInteger(value);
    if (integer !== null && Object.values(resolved.values).includes(Number(integer))) return Number(integer);
    fail(path, "enum", `must be one of ${Object.keys(resolved.values).join(", ")}`);
  }
  return convertScalar(field.type, value, path, "value");
}

function convertScalar(type: string, value: unknown, path: string, what: "key" | "value"): unknown {
  const range = RANGES[type];
  if (range) {
    const integer = toExactInteger(typeof value === "string" && /^-?\d+$/.test(value) ? BigInt(value) : value);
    if (integer === null)
      fail(path, "type", `must be an integer (${type}), not ${what === "key" ? "this key" : describeValueType(value)}`);
    if (integer < range[0] || integer > range[1]) fail(path, "range", `is out of the range of ${type}`);
    return range[1] > 2n ** 32n ? integer.toString() : Number(integer);
  }
  switch (type) {
    case "double":
    case "float":
      if (isNumberLike(value)) return toNumber(value);
      if (value === "NaN" || value === "Infinity" || value === "-Infinity") return Number(value);
      return fail(path, "type", `must be a number (${type}), not ${describeValueType(value)}`);
    case "bool":
      if (typeof value === "boolean") return value;
      if (what === "key" && (value === "true" || value === "false")) return value;
      return fail(path, "type", `must be true or false, not ${describeValueType(value)}`);
    case "string":
      if (typeof value === "string") return value;
      return fail(path, "type", `must be a string, not ${describeValueType(value)}`);
    case "bytes":
      if (typeof value === "string" && base64ToBytesStrict(value)) return value;
      return fail(path, "type", "must be base64 text (a bytes field)");
    default:
      return fail(path, "type", `has a type (${type}) this check does not know`);
  }
}
