import { describe, expect, it } from "vitest";
import type { TBrowseUrlState } from "~/domain/messages/browse-query";
import { emptyPageSentence } from "./browse-empty";

const base: TBrowseUrlState = { partition: 2, start: { kind: "earliest" }, order: "oldest-first", limit: 100 };
const marks = [{ partition: 2, low: "100", high: "480", isOffline: false }];

describe("empty browse page", () => {
  it("names the offset and where the partition ends", () => {
    expect(emptyPageSentence({ ...base, start: { kind: "offset", offset: "500" } }, { watermarks: marks })).toBe(
      "No messages at or after offset 500 in partition 2 — the partition ends at 480.",
    );
    expect(
      emptyPageSentence(
        { ...base, start: { kind: "offset", offset: "50" }, order: "newest-first" },
        { watermarks: marks },
      ),
    ).toBe("No messages before offset 50 in partition 2 — the partition starts at 100.");
  });

  it("says when a partition or the topic is empty", () => {
    const empty = [{ partition: 2, low: "7", high: "7", isOffline: false }];
    expect(emptyPageSentence(base, { watermarks: empty })).toBe("Partition 2 holds no messages right now.");
    expect(emptyPageSentence({ ...base, partition: "all" }, { watermarks: empty })).toBe(
      "This topic holds no messages right now.",
    );
  });

  it("points to refresh or live tail after the latest offset", () => {
    expect(emptyPageSentence({ ...base, start: { kind: "latest" } }, { watermarks: marks })).toMatch(/Live tail/);
  });
});
