import { describe, expect, it } from "vitest";
import { decodeConsumerGroupDescribe } from "./consumer-group-describe";

// Builders for the flexible encoding: unsigned varints of length + 1, empty tagged-field sections.
const varint = (value: number) => {
  const bytes: number[] = [];
  for (; value >= 0x80; value >>>= 7) bytes.push((value & 0x7f) | 0x80);
  return [...bytes, value];
};
const str = (text: string | null) =>
  text === null ? [0] : [...varint(Buffer.byteLength(text) + 1), ...Buffer.from(text)];
const arr = (items: number[][]) => [...varint(items.length + 1), ...items.flat()];
const i16 = (value: number) => [(value >> 8) & 0xff, value & 0xff];
const i32 = (value: number) => [...Buffer.from(new Int32Array([value]).buffer)].reverse();
const NO_TAGS = [0];
const assignment = (topic: string, partitions: number[]) => [
  ...arr([[...new Array(16).fill(7), ...str(topic), ...arr(partitions.map(i32)), ...NO_TAGS]]),
  ...NO_TAGS,
];

describe("decodeConsumerGroupDescribe", () => {
  it("reads a group's state, epochs, assignor and each member's current assignment", () => {
    const member = [
      ...str("member-a"),
      ...str(null), // instance id
      ...str("rack-1"),
      ...i32(5),
      ...str("payments-1"),
      ...str("/10.0.0.7"),
      ...arr([str("payments")]),
      ...str(null), // regex
      ...assignment("payments", [2, 0]),
      ...assignment("payments", [0, 1, 2]), // target assignment: not the current one
      ...NO_TAGS,
    ];
    const group = [
      ...i16(0),
      ...str(null),
      ...str("billing"),
      ...str("Reconciling"),
      ...i32(6),
      ...i32(6),
      ...str("uniform"),
      ...arr([member]),
      ...i32(-2147483648),
      ...NO_TAGS,
    ];
    const missing = [
      ...i16(69),
      ...str("not found"),
      ...str("gone"),
      ...str(""),
      ...i32(0),
      ...i32(0),
      ...str(""),
      ...arr([]),
      ...i32(0),
      ...NO_TAGS,
    ];
    const payload = Buffer.from([...NO_TAGS, ...i32(0), ...arr([group, missing]), ...NO_TAGS]);

    expect(decodeConsumerGroupDescribe(payload)).toEqual([
      {
        groupId: "billing",
        errorCode: 0,
        state: "Reconciling",
        groupEpoch: 6,
        assignmentEpoch: 6,
        assignor: "uniform",
        members: [
          {
            memberId: "member-a",
            clientId: "payments-1",
            host: "/10.0.0.7",
            memberEpoch: 5,
            assignment: [{ topic: "payments", partitions: [0, 2] }],
          },
        ],
      },
      expect.objectContaining({ groupId: "gone", errorCode: 69, members: [] }),
    ]);
  });

  it("fails with a plain error on a truncated response instead of reading past it", () => {
    expect(() => decodeConsumerGroupDescribe(Buffer.from([0, 0, 0, 0, 0, 2, 0]))).toThrow(RangeError);
  });
});
