import { describe, expect, it } from "vitest";
import { decodeOffsetDelete, encodeOffsetDelete } from "./offset-delete";

/** Builds an OffsetDelete v0 response body as a broker sends it (after the correlation id). */
function response(errorCode: number, topic: string, partitions: [number, number][]): Buffer {
  const name = Buffer.from(topic, "utf8");
  const parts = partitions.map(([partition, code]) => {
    const buffer = Buffer.alloc(6);
    buffer.writeInt32BE(partition);
    buffer.writeInt16BE(code, 4);
    return buffer;
  });
  const head = Buffer.alloc(2 + 4 + 4 + 2);
  head.writeInt16BE(errorCode, 0);
  head.writeInt32BE(0, 2); // throttle_time_ms
  head.writeInt32BE(1, 6); // one topic
  head.writeInt16BE(name.length, 10);
  const count = Buffer.alloc(4);
  count.writeInt32BE(partitions.length);
  return Buffer.concat([head, name, count, ...parts]);
}

describe("OffsetDelete response", () => {
  it("reads the group error and each partition's error", () => {
    expect(
      decodeOffsetDelete(
        response(0, "orders", [
          [0, 0],
          [1, 86],
        ]),
      ),
    ).toEqual({
      errorCode: 0,
      topics: [
        {
          name: "orders",
          partitions: [
            { partition: 0, errorCode: 0 },
            { partition: 1, errorCode: 86 },
          ],
        },
      ],
    });
  });
});

describe("OffsetDelete request", () => {
  it("encodes v0: group id, one topic with its partitions (int16-length strings, int32 counts)", () => {
    expect([...encodeOffsetDelete("g", "t1", [0, 2])]).toEqual([
      ...[0, 1, 0x67], // "g"
      ...[0, 0, 0, 1], // one topic
      ...[0, 2, 0x74, 0x31], // "t1"
      ...[0, 0, 0, 2], // two partitions
      ...[0, 0, 0, 0],
      ...[0, 0, 0, 2],
    ]);
  });
});
