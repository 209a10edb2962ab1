import { afterAll, describe, expect, it } from "vitest";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { closeJsonataPool } from "../../expressions/jsonata-pool";
import { createRecordPredicate } from "./record-predicate";

afterAll(closeJsonataPool);

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

// The first test pays for starting the workers (loading jsonata and compiling RE2's WebAssembly).
describe("createRecordPredicate in the worker pool", { timeout: 60_000 }, () => {
  it("evaluates what the fast path cannot, regular expressions included", async () => {
    const matches = createRecordPredicate("jsonata", "$contains(value.kind, /^al(e|a)rt$/i)");
    expect(await matches(record('{"kind":"ALERT"}'))).toBe(true);
    expect(await matches(record('{"kind":"reading"}'))).toBe(false);
  });

  it("answers a backtracking regular expression at once, because RE2 matches in linear time", async () => {
    const matches = createRecordPredicate("jsonata", '$contains($pad("", 40, "a") & "b", /^(a|a)*$/)');
    expect(await matches(record("{}"))).toBe(false);
  });

  it("stops one huge step at the budget with a sentence naming the record, and keeps working after", async () => {
    const matches = createRecordPredicate("jsonata", '$length($pad("", 50000000, "ab")) > 0');
    await expect(matches(record("{}"))).rejects.toThrow(
      /^The filter (took longer than its budget of 250 ms|needed more than its memory budget of \d+ MiB) on offset 7 of partition 0 and was stopped/,
    );
    expect(await createRecordPredicate("jsonata", '$substring(value, 0, 1) = "x"')(record("xyz"))).toBe(true);
  });

  it("refuses at compile a regular expression RE2 cannot run, with a sentence", () => {
    expect(() => createRecordPredicate("jsonata", "$contains(value, /(a)\\1/)")).toThrow(
      /^The regular expression \/\(a\)\\1\/ cannot run on RE2, .*backreferences/,
    );
    expect(() => createRecordPredicate("jsonata", "$contains(value, /a(?=b)/)")).toThrow(/lookaround/);
  });
});
