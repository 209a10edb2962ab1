import { describe, expect, it } from "vitest";
import {
  browseParams,
  parseBrowseParams,
  parseCursor,
  serializeCursor,
  ZBrowseInput,
  type TBrowseCursor,
  type TBrowseUrlState,
} from "./browse-query";

describe("browse query", () => {
  it("defaults to the newest 100 messages of all partitions", () => {
    expect(parseBrowseParams(new URLSearchParams(""))).toEqual({
      partition: "all",
      start: { kind: "latest" },
      order: "newest-first",
      limit: 100,
      cursor: undefined,
    });
  });

  it("round-trips every start, partition, order, limit and cursor through the URL", () => {
    const states: TBrowseUrlState[] = [
      { partition: 2, start: { kind: "offset", offset: "500" }, order: "oldest-first", limit: 20, cursor: undefined },
      { partition: "all", start: { kind: "earliest" }, order: "oldest-first", limit: 500, cursor: undefined },
      {
        partition: 0,
        start: { kind: "timestamp", timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6) },
        order: "newest-first",
        limit: 100,
        cursor: { direction: "before", offsets: [{ partition: 0, offset: "9223372036854775807" }] },
      },
    ];
    for (const state of states) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(browseParams(state))) if (value !== null) params.set(key, value);
      expect(parseBrowseParams(params)).toEqual(state);
    }
  });

  it("ignores malformed URL values rather than failing the page", () => {
    const params = new URLSearchParams("partition=-1&start=offset&offset=12a&order=sideways&limit=9999&cursor=x.1");
    expect(parseBrowseParams(params)).toEqual({
      partition: "all",
      start: { kind: "earliest" },
      order: "oldest-first",
      limit: 100,
      cursor: undefined,
    });
  });

  it("shows a linked offset first when the link names no order", () => {
    const params = new URLSearchParams("tab=messages&mode=browse&partition=1&start=offset&offset=42");
    expect(parseBrowseParams(params)).toMatchObject({
      partition: 1,
      start: { kind: "offset", offset: "42" },
      order: "oldest-first",
    });
  });

  it("serializes cursors compactly and rejects broken ones", () => {
    const cursor: TBrowseCursor = {
      direction: "after",
      offsets: [
        { partition: 0, offset: "5" },
        { partition: 11, offset: "0" },
      ],
    };
    expect(serializeCursor(cursor)).toBe("a.0-5.11-0");
    expect(parseCursor("a.0-5.11-0")).toEqual(cursor);
    expect(parseCursor("b.0-x")).toBeUndefined();
    expect(parseCursor("z.0-1")).toBeUndefined();
  });

  it("rejects pages above 500 and offsets that are not whole numbers", () => {
    const base = { clusterId: "c", topic: "t" };
    expect(ZBrowseInput.safeParse({ ...base, limit: 501 }).success).toBe(false);
    expect(ZBrowseInput.safeParse({ ...base, start: { kind: "offset", offset: "-1" } }).success).toBe(false);
    expect(ZBrowseInput.parse(base)).toMatchObject({ partition: "all", order: "newest-first", limit: 100 });
  });
});
