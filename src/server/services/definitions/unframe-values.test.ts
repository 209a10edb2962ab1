import { describe, expect, it } from "vitest";
import { unframeKnownValues } from "./unframe-values";

const frame = (schemaId: number, payload: number[]) => {
  const bytes = new Uint8Array(5 + payload.length);
  new DataView(bytes.buffer).setInt32(1, schemaId, false);
  bytes.set(payload, 5);
  return bytes;
};
const record = (value: Uint8Array | null) => ({ partition: 0, offset: "0", value });
const values = (format: "json" | "avro" | "protobuf", value: Uint8Array | null, known = [7]) =>
  [...unframeKnownValues([record(value)], new Set(known), format)].map((entry) => entry.value && [...entry.value]);

describe("unframeKnownValues", () => {
  it("strips the Confluent frame when its schema id is one of the topic's versions", () => {
    expect(values("avro", frame(7, [2, 4]))).toEqual([[2, 4]]);
  });

  it("strips a Protobuf frame's message indexes too", () => {
    expect(values("protobuf", frame(7, [0, 10, 1, 65]))).toEqual([[10, 1, 65]]);
  });

  it("leaves values with an unknown id, short values and tombstones alone", () => {
    expect(values("avro", frame(8, [2, 4]))).toEqual([[0, 0, 0, 0, 8, 2, 4]]);
    expect(values("avro", new Uint8Array([0, 1]))).toEqual([[0, 1]]);
    expect(values("json", null)).toEqual([null]);
  });
});
