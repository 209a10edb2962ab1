import { describe, expect, it } from "vitest";
import { describeStop, describeUnscanned } from "./search-sentence";

const partitions = [
  { partition: 0, start: "0", end: "1000", position: "1000", scanned: 1000 },
  { partition: 3, start: "0", end: "1000", position: "600", scanned: 600 },
  { partition: 5, start: "500", end: "1500", position: "1380", scanned: 880 },
];
const figures = { scanned: 2_480, matches: 2, elapsedMs: 1_234, partitions, offline: [] };

describe("search sentences", () => {
  it("names each partition that was not scanned to its end, with the share left", () => {
    expect(describeUnscanned(partitions)).toBe("40% of partition 3 and 12% of partition 5 not scanned");
  });

  it("says why a search is partial", () => {
    expect(describeStop({ type: "budget", maxMessages: 1_000_000 }, figures)).toBe(
      "Partial: stopped after the budget of 1,000,000 messages; 40% of partition 3 and 12% of partition 5 not scanned; 2 matches.",
    );
    expect(describeStop({ type: "cap", maxResults: 500 }, figures)).toBe(
      "Partial: 500 matches shown — the cap; narrow the filter or the range (40% of partition 3 and 12% of partition 5 not scanned).",
    );
    expect(
      describeStop({ type: "failed", partition: 3, offset: 1234n, message: "The expression failed: boom." }, figures),
    ).toBe("Partial: the filter failed on offset 1234 of partition 3: The expression failed: boom.");
    expect(describeStop({ type: "cancelled" }, figures)).toBe("Partial: cancelled after 2,480 messages; 2 matches.");
  });

  it("says a search is complete, or partial when a partition had no leader", () => {
    expect(describeStop({ type: "complete" }, { ...figures, matches: 1 })).toBe(
      "Complete: scanned 2,480 messages in 1.2 s and found 1 match.",
    );
    expect(describeStop({ type: "complete" }, { ...figures, offline: [2] })).toBe(
      "Partial: scanned 2,480 messages in 1.2 s and found 2 matches. Partition 2 has no leader and was not scanned.",
    );
  });
});
