import { describe, expect, it } from "vitest";
import type { InternalCluster } from "../internal-cluster";
import {
  CONSUMER_GROUP_DESCRIBE_API_KEY,
  decodeConsumerGroupDescribe,
  describeConsumerGroup,
} from "./consumer-group-describe";

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

describe("describeConsumerGroup", () => {
  /**
   * A cluster whose group coordinator answers ConsumerGroupDescribe with these error codes in turn
   * (0: the group, Stable with one member). Stands in for a coordinator that moves or loads while a
   * broker restarts, which a test cannot time on a real cluster.
   */
  function clusterAnswering(codes: number[]) {
    let lookups = 0;
    const coordinator = {
      versions: { [CONSUMER_GROUP_DESCRIBE_API_KEY]: { minVersion: 0, maxVersion: 1 } },
      connectionPool: {
        send: () => {
          const errorCode = codes.shift() ?? 0;
          const members =
            errorCode === 0 ? [{ memberId: "m", clientId: "c", host: "/h", memberEpoch: 1, assignment: [] }] : [];
          const state = errorCode === 0 ? "Stable" : "";
          return Promise.resolve([
            { groupId: "g", errorCode, state, groupEpoch: 1, assignmentEpoch: 1, assignor: "", members },
          ]);
        },
      },
    };
    const cluster = {
      findGroupCoordinator: () => {
        lookups += 1;
        return Promise.resolve(coordinator);
      },
    } as unknown as InternalCluster;
    return { cluster, lookups: () => lookups };
  }

  it("finds the coordinator again while the group's error code says it moved or is loading, then describes the group", async () => {
    // NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, then the answer.
    const { cluster, lookups } = clusterAnswering([16, 14, 15, 0]);
    const described = await describeConsumerGroup(cluster, "g");
    expect(described).toMatchObject({
      errorCode: 0,
      state: "Stable",
      members: [expect.objectContaining({ memberId: "m" })],
    });
    expect(lookups()).toBe(4);
  });

  it("returns any other error code to the caller at once", async () => {
    const { cluster, lookups } = clusterAnswering([69]);
    expect(await describeConsumerGroup(cluster, "g")).toMatchObject({ errorCode: 69 });
    expect(lookups()).toBe(1);
  });
});
