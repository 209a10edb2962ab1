import { BYTE_VALIDATORS } from "./byte-validators";
import { toJsonText } from "./json-values";
import type { TSchemaViolation, TValueSchema } from "./value-schema";

export type TConformanceExample = {
  partition: number;
  offset: string;
  path: string;
  rule: string;
  message: string;
  valuePreview: string;
};
export type TConformanceResult = { sampled: number; matched: number; examples: TConformanceExample[] };

const PREVIEW_CHARS = 200;

/**
 * How many sampled values fit the schema, with the first few that do not. Tombstones (null values)
 * are not values of the schema and are not counted. A value that cannot be decoded at all (not
 * UTF-8 JSON, not Avro of this schema) counts as a mismatch with the rule "decode".
 */
export function checkConformance(
  schema: TValueSchema,
  records: Iterable<{ partition: number; offset: string; value: Uint8Array | null }>,
  maxExamples = 5,
): TConformanceResult {
  const byteValidator = BYTE_VALIDATORS.get(schema);
  let sampled = 0;
  let matched = 0;
  const examples: TConformanceExample[] = [];
  for (const record of records) {
    if (record.value === null) continue;
    sampled++;
    let violation: TSchemaViolation | null;
    if (byteValidator) {
      const outcome = byteValidator(record.value);
      violation = "message" in outcome ? { path: "", rule: "decode", message: outcome.message } : outcome.violation;
    } else {
      const decoded = schema.decode(record.value);
      violation = decoded.ok ? schema.validate(decoded.value) : { path: "", rule: "decode", message: decoded.message };
    }
    if (violation === null) {
      matched++;
      continue;
    }
    if (examples.length < maxExamples) {
      examples.push({
        partition: record.partition,
        offset: record.offset,
        ...violation,
        valuePreview: preview(schema, record.value),
      });
    }
  }
  return { sampled, matched, examples };
}

/** The value as one line of JSON when it decodes, else its first bytes as lenient UTF-8. */
function preview(schema: TValueSchema, bytes: Uint8Array): string {
  const decoded = schema.format === "json" ? null : schema.decode(bytes);
  const text = decoded?.ok
    ? toJsonText(decoded.value)
    : new TextDecoder("utf-8").decode(bytes.subarray(0, PREVIEW_CHARS * 4));
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS - 1)}…` : oneLine;
}
