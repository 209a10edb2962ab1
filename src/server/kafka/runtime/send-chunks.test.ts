import { describe, expect, it } from "vitest";
import { recordBytes, sendChunks } from "./send-chunks";
import type { TOutRecord } from "./step-member-types";

const record = (index: number, valueBytes: number): TOutRecord => ({
  topic: "out",
  key: `k${index}`,
  value: "x".repeat(valueBytes),
  headers: { "tributary-step": "map" },
});

describe("sendChunks", () => {
  it("splits a large write into consecutive requests within the byte limit, keeping every record in order", () => {
    const records = Array.from({ length: 5_000 }, (_, index) => record(index, 1_000));
    const chunks = sendChunks(records, 512 * 1024);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flat()).toEqual(records);
    for (const chunk of chunks) {
      expect(chunk.reduce((sum, each) => sum + recordBytes(each), 0)).toBeLessThanOrEqual(512 * 1024);
    }
  });

  it("sends a small write as one request, and a record larger than the limit alone", () => {
    const small = [record(1, 10), record(2, 10)];
    expect(sendChunks(small)).toEqual([small]);
    const huge = record(3, 2_000_000);
    expect(sendChunks([small[0]!, huge, small[1]!])).toEqual([[small[0]], [huge], [small[1]]]);
  });
});
