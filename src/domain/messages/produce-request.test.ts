import { describe, expect, it } from "vitest";
import { jsonProblem, messageBytes, payloadSize, produceSizeProblem, ZProduceRequest } from "./produce-request";

describe("produce request", () => {
  it("accepts text, base64 and null payloads and defaults repeat to 1", () => {
    const parsed = ZProduceRequest.parse({
      clusterId: "c",
      topic: "t",
      key: null,
      value: { base64: "AAEC" },
      headers: [{ key: "trace", value: { text: "x" } }],
      partition: "key",
    });
    expect(parsed.repeat).toBe(1);
  });

  it("refuses a header without a name, malformed base64 and a repeat above 1,000", () => {
    const base = { clusterId: "c", topic: "t", key: null, value: null, headers: [], partition: 0 };
    expect(ZProduceRequest.safeParse({ ...base, headers: [{ key: "", value: null }] }).success).toBe(false);
    expect(ZProduceRequest.safeParse({ ...base, value: { base64: "not base64!" } }).success).toBe(false);
    expect(ZProduceRequest.safeParse({ ...base, repeat: 1_001 }).success).toBe(false);
  });

  it("names what is wrong with invalid JSON and passes valid JSON", () => {
    expect(jsonProblem('{"a": 1}')).toBeNull();
    expect(jsonProblem('{"a": }')).toMatch(/^Not valid JSON: .*is not valid JSON\.$/);
  });

  it("counts bytes as sent: UTF-8 for text, decoded length for base64", () => {
    expect(payloadSize({ text: "é" })).toBe(2);
    expect(payloadSize({ base64: "AAEC" })).toBe(3);
    expect(payloadSize({ base64: "AA==" })).toBe(1);
    expect(payloadSize(null)).toBe(0);
  });
});

describe("produceSizeProblem", () => {
  const MiB = 1024 * 1024;
  const request = (valueBytes: number, repeat: number) => ({
    key: { text: "k" },
    value: { text: "v".repeat(valueBytes) },
    headers: [{ key: "trace", value: { text: "abc" } }],
    repeat,
  });

  it("counts key, value and headers (names and values) of one message", () => {
    expect(messageBytes(request(10, 1))).toBe(1 + 10 + 5 + 3);
  });

  it("lets a produce through up to the limit, counting every repeat", () => {
    expect(produceSizeProblem(request(MiB - 9, 8), 8 * MiB)).toBeNull();
  });

  it("refuses more with a sentence that names the total, the repeat and the variable", () => {
    expect(produceSizeProblem(request(MiB, 8), 8 * MiB)).toBe(
      "This produce sends 8,388,680 bytes (8 messages of 1,048,585 bytes, counting key, value and headers); the server sends at most 8,388,608 bytes in one produce (PRODUCE_MAX_BYTES).",
    );
    expect(produceSizeProblem({ ...request(9 * MiB, 1), headers: [] }, 8 * MiB)).toMatch(
      /^This produce sends 9,437,185 bytes \(one message,/,
    );
  });
});
