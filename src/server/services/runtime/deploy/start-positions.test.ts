import { describe, expect, it } from "vitest";
import { startSentence, type TPartitionStartFacts } from "./start-positions";

const facts = (overrides: Partial<TPartitionStartFacts>): TPartitionStartFacts => ({
  committed: null,
  low: 0n,
  high: 9_000n,
  startFrom: "latest",
  topicIsNew: false,
  ...overrides,
});

describe("startSentence", () => {
  it("starts at the committed offset and says how far behind the end it is", () => {
    expect(startSentence(facts({ committed: 8_688n }))).toBe("at committed offset 8,688 — 312 records behind");
    expect(startSentence(facts({ committed: 8_999n }))).toBe("at committed offset 8,999 — 1 record behind");
    expect(startSentence(facts({ committed: 9_000n }))).toBe("at committed offset 9,000 — caught up");
  });

  it("starts at the start position when the group never committed", () => {
    expect(startSentence(facts({}))).toBe("at the latest offset 9,000 (no committed offset; start position: latest)");
    expect(startSentence(facts({ low: 100n, startFrom: "earliest" }))).toBe(
      "at the earliest offset 100 (no committed offset; start position: earliest) — 8,900 records to read",
    );
  });

  it("says when retention deleted the committed offset, so the start position applies", () => {
    expect(startSentence(facts({ committed: 5n, low: 100n }))).toBe(
      "at the latest offset 9,000 (committed offset 5 is no longer in the log: retention deleted it)",
    );
  });

  it("handles a new topic and a partition whose leader did not answer", () => {
    expect(startSentence(facts({ topicIsNew: true, low: null, high: null }))).toBe(
      "at offset 0 (this deploy creates the topic)",
    );
    expect(startSentence(facts({ committed: 42n, low: null, high: null }))).toMatch(/^at committed offset 42 /);
    expect(startSentence(facts({ low: null, high: null }))).toMatch(/^at the latest offset \(no committed offset;/);
  });

  it("keeps int64 offsets exact", () => {
    const big = 9_007_199_254_740_993n;
    expect(startSentence(facts({ committed: big, high: big + 2n }))).toBe(
      "at committed offset 9,007,199,254,740,993 — 2 records behind",
    );
  });
});
