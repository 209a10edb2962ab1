import { describe, expect, it } from "vitest";
import { toMessage } from "./to-message";

const record = {
  partition: 2,
  offset: 9_007_199_254_740_993n,
  timestamp: "1700000000000",
  timestampType: "CreateTime" as const,
  key: Buffer.from("k"),
  value: Buffer.from("0123456789"),
  headers: [{ key: "é", value: null }],
};

describe("toMessage", () => {
  it("keeps int64 offsets exact and payloads as base64 with their full size", () => {
    const message = toMessage(record, 4);
    expect(message.offset).toBe("9007199254740993");
    expect(message.key).toEqual({ base64: Buffer.from("k").toString("base64"), size: 1, isTruncated: false });
    expect(message.value).toEqual({ base64: Buffer.from("0123").toString("base64"), size: 10, isTruncated: true });
    expect(message.headers).toEqual([{ key: "é", value: null }]);
    // k (1) + value (10) + header key "é" (2 bytes in UTF-8).
    expect(message.size).toBe(13);
  });
});
