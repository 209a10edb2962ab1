import { describe, expect, it } from "vitest";
import { createTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { toStepRecord, typedStepRecords } from "./step-records";

function fetched(value: Buffer | null, key: string | null = "server-1-cpu"): TFetchedRecord {
  return {
    partition: 2,
    offset: 9_007_199_254_740_993n,
    timestamp: "1700000000000",
    timestampType: "CreateTime",
    key: key === null ? null : Buffer.from(key),
    value,
    headers: [
      { key: "source", value: Buffer.from("sensor") },
      { key: "empty", value: null },
    ],
  };
}

describe("records as a step sees them", () => {
  it("parses JSON values, keeps other text as text, and a tombstone as null", () => {
    expect(toStepRecord("t", fetched(Buffer.from('{"value": 42}')), null)).toEqual({
      key: "server-1-cpu",
      value: { value: 42 },
      timestamp: 1_700_000_000_000,
      headers: { source: "sensor", empty: "" },
      topic: "t",
      partition: 2,
      offset: "9007199254740993",
    });
    expect(toStepRecord("t", fetched(Buffer.from("{ broken")), null).value).toBe("{ broken");
    expect(toStepRecord("t", fetched(null, null), null)).toMatchObject({ key: null, value: null });
  });

  it("decodes Avro values with the topic's schema, as the message browser does", () => {
    const schema = JSON.stringify({ type: "record", name: "R", fields: [{ name: "cpu", type: "double" }] });
    const codec = createTopicValueCodec("avro", [{ id: 1, version: 1, text: schema }])!;
    const encoded = codec.latest.schema.encode({ cpu: 0.5 });
    if (!encoded.ok) throw new Error("the test value does not fit its schema");
    expect(toStepRecord("t", fetched(Buffer.from(encoded.bytes)), codec).value).toEqual({ cpu: 0.5 });
  });

  it("numbers typed records in order, a millisecond apart, parsing JSON values", () => {
    const records = typedStepRecords(
      "t",
      [
        { key: "k", value: '{"a":1}' },
        { key: null, value: "text" },
      ],
      1000,
    );
    expect(records.map((record) => [record.key, record.value, record.offset, record.timestamp])).toEqual([
      ["k", { a: 1 }, "0", 1000],
      [null, "text", "1", 1001],
    ]);
  });
});
