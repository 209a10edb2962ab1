import { describe, expect, it } from "vitest";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { createRecordPredicate } from "./record-predicate";

function record(value: string | null, key: string | null = "k"): TFetchedRecord {
  return {
    partition: 0,
    offset: 7n,
    timestamp: "1700000000000",
    timestampType: "CreateTime",
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value),
    headers: [{ key: "trace", value: Buffer.from("t-9") }],
  };
}

describe("createRecordPredicate (JSONata)", () => {
  const matches = createRecordPredicate("jsonata", 'value.kind = "alert"');

  it("matches on the parsed value and skips records whose bytes lack the literal", async () => {
    expect(await matches(record('{"kind":"alert"}'))).toBe(true);
    expect(await matches(record('{"kind":"reading"}'))).toBe(false);
    expect(await matches(record(null))).toBe(false);
  });

  it("still matches a value that spells the literal with JSON escapes", async () => {
    expect(await matches(record('{"kind":"\\u0061lert"}'))).toBe(true);
  });

  it("sees headers as strings, the offset as a string and plain text values as text", async () => {
    expect(await createRecordPredicate("jsonata", 'headers.trace = "t-9" and offset = "7"')(record("x"))).toBe(true);
    expect(await createRecordPredicate("jsonata", 'value = "not json"')(record("not json"))).toBe(true);
  });

  it("refuses a syntax error with a sentence", () => {
    expect(() => createRecordPredicate("jsonata", "value.kind = ")).toThrow(/^The expression has a syntax error/);
  });
});
