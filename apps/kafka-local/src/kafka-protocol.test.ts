import { describe, expect, it } from "vitest";
import { decodeMetadataResponse, encodeMetadataRequest, takeFrames } from "./kafka-protocol";
import { metadataResponseFrame } from "./metadata-response.fixture";

describe("encodeMetadataRequest", () => {
  it("encodes a size-prefixed Metadata v8 request for no topics", () => {
    const request = encodeMetadataRequest(7, "probe");
    // prettier-ignore
    const body = [
      0, 3,          // api_key Metadata
      0, 8,          // api_version 8
      0, 0, 0, 7,    // correlation_id
      0, 5, ...Buffer.from("probe"), // client_id
      0, 0, 0, 0,    // topics: empty array (null would mean all topics)
      0,             // allow_auto_topic_creation
      0,             // include_cluster_authorized_operations
      0,             // include_topic_authorized_operations
    ];
    expect([...request]).toEqual([0, 0, 0, body.length, ...body]);
  });

  it("lists requested topics by name", () => {
    const request = encodeMetadataRequest(1, "c", ["ab"]);
    const topics = request.subarray(4 + 2 + 2 + 4 + 3);
    expect([...topics.subarray(0, 8)]).toEqual([0, 0, 0, 1, 0, 2, 0x61, 0x62]);
  });
});

describe("decodeMetadataResponse", () => {
  it("reads brokers, cluster id, controller and topic partitions", () => {
    const frame = metadataResponseFrame({
      correlationId: 42,
      brokers: [
        { nodeId: 1, host: "127.0.0.1", port: 9092, rack: null },
        { nodeId: 2, host: "127.0.0.1", port: 9094, rack: "r2" },
      ],
      clusterId: "abc",
      controllerId: 2,
      topics: [
        {
          errorCode: 0,
          name: "orders",
          isInternal: false,
          partitions: [{ errorCode: 0, partition: 0, leaderId: 1, replicas: [1, 2], isr: [1] }],
        },
      ],
    });
    const { frames } = takeFrames(frame);
    expect(frames).toHaveLength(1);
    expect(decodeMetadataResponse(frames[0]!)).toEqual({
      correlationId: 42,
      brokers: [
        { nodeId: 1, host: "127.0.0.1", port: 9092, rack: null },
        { nodeId: 2, host: "127.0.0.1", port: 9094, rack: "r2" },
      ],
      clusterId: "abc",
      controllerId: 2,
      topics: [
        {
          errorCode: 0,
          name: "orders",
          isInternal: false,
          partitions: [{ errorCode: 0, partition: 0, leaderId: 1, replicas: [1, 2], isr: [1] }],
        },
      ],
    });
  });

  it("accepts a null cluster id", () => {
    const frame = metadataResponseFrame({
      correlationId: 1,
      brokers: [],
      clusterId: null,
      controllerId: -1,
      topics: [],
    });
    expect(decodeMetadataResponse(frame.subarray(4)).clusterId).toBeNull();
  });

  it("rejects a truncated response instead of reading garbage", () => {
    const frame = metadataResponseFrame({
      correlationId: 1,
      brokers: [{ nodeId: 1, host: "localhost", port: 9092, rack: null }],
      clusterId: "x",
      controllerId: 1,
      topics: [],
    });
    expect(() => decodeMetadataResponse(frame.subarray(4, frame.length - 6))).toThrow(/Truncated/);
  });
});

describe("takeFrames", () => {
  it("waits for the whole frame and keeps bytes of the next one", () => {
    const first = Buffer.from([0, 0, 0, 2, 0xa, 0xb]);
    const second = Buffer.from([0, 0, 0, 3, 1]);
    expect(takeFrames(first.subarray(0, 5)).frames).toEqual([]);
    const { frames, rest } = takeFrames(Buffer.concat([first, second]));
    expect(frames.map((frame) => [...frame])).toEqual([[0xa, 0xb]]);
    expect([...rest]).toEqual([0, 0, 0, 3, 1]);
  });
});
