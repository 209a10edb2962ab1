import { describe, expect, it } from "vitest";
import { jsonProblem, payloadSize, ZProduceRequest } from "./produce-request";

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
