import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_MESSAGES,
  parseBound,
  searchQueryFromParams,
  searchQueryToParams,
  ZSearchInput,
  type TSearchQuery,
} from "./search-query";

describe("search query in the URL", () => {
  it("round-trips a JSONata search on one partition with an offset-to-time range", () => {
    const query: TSearchQuery = {
      partition: 3,
      kind: "jsonata",
      query: 'value.status = "failed"',
      from: { type: "offset", offset: "1200" },
      to: { type: "time", ms: Date.parse("2026-11-22T01:00:00.000Z") },
      maxMessages: 50_000,
      maxSeconds: 120,
      maxResults: 500,
    };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchQueryToParams(query))) if (value !== null) params.set(key, value);
    expect(params.get("to")).toBe("2026-11-22T01:00:00.000Z");
    expect(searchQueryFromParams(params)).toEqual(query);
  });

  it("falls back to defaults for missing or malformed values", () => {
    const query = searchQueryFromParams(new URLSearchParams("kind=python&partition=all&budget=-4&from=soon"));
    expect(query).toMatchObject({
      kind: "text",
      partition: null,
      maxMessages: DEFAULT_MAX_MESSAGES,
      from: null,
      query: "",
    });
  });

  it("reads digits as an offset and an ISO date as a time", () => {
    expect(parseBound("42")).toEqual({ type: "offset", offset: "42" });
    expect(parseBound("2026-01-02T03:04:05Z")).toEqual({ type: "time", ms: Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(parseBound("")).toBeNull();
  });

  it("refuses an empty query with a field message", () => {
    const parsed = ZSearchInput.safeParse({
      clusterId: "c",
      topic: "t",
      partition: null,
      kind: "text",
      query: "   ",
      from: null,
      to: null,
      maxMessages: 10,
      maxSeconds: 10,
      maxResults: 10,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Enter something to search for.");
  });
});
