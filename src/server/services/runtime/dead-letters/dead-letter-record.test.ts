import { describe, expect, it } from "vitest";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { replayHeaders, toDeadLetterRecord } from "./dead-letter-record";

const header = (key: string, value: string) => ({ key, value: Buffer.from(value) });

function record(headers: TFetchedRecord["headers"], value = "{ not json"): TFetchedRecord {
  return {
    partition: 2,
    offset: 41n,
    timestamp: "1700000000000",
    timestampType: "CreateTime",
    key: Buffer.from("server-1-cpu"),
    value: Buffer.from(value),
    headers,
  };
}

const runtimeHeaders = [
  header("trace", "abc"),
  header("tributary-pipeline", "p1"),
  header("tributary-revision", "3"),
  header("tributary-step", "clean-1"),
  header("tributary-error", "The value is not JSON."),
  header("tributary-source-topic", "telemetry.raw"),
  header("tributary-source-partition", "1"),
  header("tributary-source-offset", "9000"),
];

describe("a dead-letter record", () => {
  it("reads the step, revision, error and source from the runtime's headers", () => {
    expect(toDeadLetterRecord(record(runtimeHeaders))).toEqual({
      partition: 2,
      offset: "41",
      timestamp: new Date(1_700_000_000_000),
      key: "server-1-cpu",
      value: "{ not json",
      error: "The value is not JSON.",
      step: "clean-1",
      revision: 3,
      source: { topic: "telemetry.raw", partition: 1, offset: "9000" },
    });
  });

  it("leaves fields null for a record produced without the runtime's headers", () => {
    const parsed = toDeadLetterRecord(record([header("tributary-revision", "three")]));
    expect(parsed).toMatchObject({ error: null, step: null, revision: null, source: null });
  });

  it("cuts a huge value for the list", () => {
    const parsed = toDeadLetterRecord(record([], "x".repeat(100_000)));
    expect(parsed.value?.length).toBe(16 * 1024 + 1);
    expect(parsed.value?.endsWith("…")).toBe(true);
  });

  it("replays with the original headers only, plus where it came from", () => {
    expect(replayHeaders(record(runtimeHeaders)).map((h) => [h.key, h.value?.toString()])).toEqual([
      ["trace", "abc"],
      ["tributary-replayed-from", "2:41"],
    ]);
  });
});
