import { describe, expect, it } from "vitest";
import { toInRecords, toTopicMessages } from "./record-mapping";

describe("toInRecords", () => {
  it("keeps bytes as they came and turns headers into text, the first of a repeated header winning", () => {
    const [record] = toInRecords(2, [
      {
        offset: "41",
        timestamp: "1700000000000",
        key: Buffer.from("server-1"),
        value: null,
        attributes: 0,
        headers: { trace: Buffer.from("abc"), twice: [Buffer.from("one"), Buffer.from("two")], plain: "text" },
      },
    ]);
    expect(record).toEqual({
      partition: 2,
      offset: "41",
      timestamp: 1_700_000_000_000,
      key: Buffer.from("server-1"),
      value: null,
      headers: { trace: "abc", twice: "one", plain: "text" },
    });
  });
});

describe("toTopicMessages", () => {
  it("groups records by topic in their order, with tombstones and explicit partitions kept", () => {
    const messages = toTopicMessages([
      { topic: "out", key: "a", value: "1", headers: {} },
      { topic: "dead", key: "b", value: "bad", headers: { "tributary-error": "not JSON" } },
      { topic: "out", key: "a", value: "2", headers: {} },
      { topic: "step.changelog", partition: 1, key: "a", value: null, headers: {} },
    ]);
    expect(messages).toEqual([
      {
        topic: "out",
        messages: [
          { key: "a", value: "1", headers: {} },
          { key: "a", value: "2", headers: {} },
        ],
      },
      { topic: "dead", messages: [{ key: "b", value: "bad", headers: { "tributary-error": "not JSON" } }] },
      { topic: "step.changelog", messages: [{ key: "a", value: null, headers: {}, partition: 1 }] },
    ]);
  });
});
