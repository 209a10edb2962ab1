import avro, { type Type } from "avsc";
import { installAvroGuards } from "./avro-guard";
import { fromAvroValue, toAvroValue, type TUnknownField } from "./avro-values";
import { capitalize } from "./json-schema";
import {
  describePath,
  describeValueType,
  type TCompileResult,
  type TSchemaViolation,
  type TValueSchema,
} from "./schema-types";
import { CONFLUENT_HEADER_BYTES } from "./wire-format";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Avro longs as bigint, so every 64-bit value is exact (avsc's default long is a JS number and
 * refuses values beyond 2^53). Shown as JsonNumber in JSON (see avro-values.ts).
 */
const ExactLong = avro.types.LongType.__with({
  fromBuffer: (buffer: Buffer) => buffer.readBigInt64LE(0),
  toBuffer: (value: bigint) => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64LE(value);
    return buffer;
  },
  fromJSON: (value: unknown) => BigInt(value as string),
  toJSON: (value: bigint) => value.toString(),
  isValid: (value: unknown) => typeof value === "bigint" && value >= INT64_MIN && value <= INT64_MAX,
  compare: (first: bigint, second: bigint) => (first === second ? 0 : first < second ? -1 : 1),
});

/** An Avro schema (JSON text: a record, or any Avro type). */
export function compileAvroSchema(text: string): TCompileResult {
  installAvroGuards();
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The Avro schema is not valid JSON: ${(error as Error).message}.` };
  }
  let type: Type;
  try {
    type = parseAvroType(document);
  } catch (error) {
    return { ok: false, message: `The Avro schema does not compile: ${(error as Error).message}.` };
  }

  const check = (converted: unknown, unknown: TUnknownField[]): TSchemaViolation | null => {
    let violation: TSchemaViolation | null = null;
    type.isValid(converted, {
      errorHook(path: string[], value: unknown, failed: Type) {
        violation ??= describeAvroError(`${path.map((part) => `/${part}`).join("")}`, value, failed);
      },
    });
    if (violation) return violation;
    const [extra] = unknown;
    if (!extra) return null;
    return {
      path: extra.path,
      rule: "unknownField",
      message: `${capitalize(describePath(extra.path))} is not a field of the record ${extra.record}; Avro would drop it.`,
    };
  };
  const convert = (value: unknown) => {
    const unknown: TUnknownField[] = [];
    const converted = toAvroValue(type, value, "", unknown);
    return { converted, violation: check(converted, unknown) };
  };

  const schema: TValueSchema = {
    format: "avro",
    validate(value) {
      try {
        return convert(value).violation;
      } catch (error) {
        if (error instanceof RangeError)
          return { path: "", rule: "depth", message: "The value is nested too deeply to check." };
        throw error;
      }
    },
    decode(bytes, options) {
      const payload = options?.isFramed ? bytes.subarray(CONFLUENT_HEADER_BYTES) : bytes;
      try {
        const decoded: unknown = type.fromBuffer(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
        return { ok: true, value: fromAvroValue(decoded) };
      } catch (error) {
        return { ok: false, message: `The value is not Avro data of this schema (${(error as Error).message}).` };
      }
    },
    encode(value) {
      const { converted, violation } = convert(value);
      if (violation) return { ok: false, violation };
      return { ok: true, bytes: new Uint8Array(type.toBuffer(converted)) };
    },
  };
  return { ok: true, schema };
}

/** An Avro type with exact longs; exported for the compatibility checks. */
export function parseAvroType(document: unknown): Type {
  return avro.Type.forSchema(document as avro.Schema, {
    registry: { long: ExactLong },
    // Unwrapped unions where the branch can be told from the value ("auto"), so a nullable field reads as its value.
    wrapUnions: "auto",
  });
}

function describeAvroError(path: string, value: unknown, type: Type): TSchemaViolation {
  const place = capitalize(describePath(path));
  if (value === undefined)
    return { path, rule: "required", message: `${place} is required (the field has no default).` };
  if (type.typeName === "enum") {
    const symbols = (type as Type & { symbols: string[] }).symbols;
    return { path, rule: "enum", message: `${place} must be one of ${symbols.join(", ")}.` };
  }
  const name = type.typeName.replace(/^abstract:/, "");
  const expected = name.startsWith("union")
    ? "one of the union's types"
    : `a${/^[aeiou]/.test(name) ? "n" : ""} ${name}`;
  return { path, rule: "type", message: `${place} must be ${expected}, not ${describeValueType(value)}.` };
}
