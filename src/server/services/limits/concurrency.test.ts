import { describe, expect, it } from "vitest";
import { createConcurrencyLimiter, type TLimits } from "./concurrency";

const limits: TLimits = {
  search: { perUser: 3, perServer: 4 },
  export: { perUser: 1, perServer: 1 },
  tail: { perUser: 2, perServer: 10 },
  watch: { perUser: 2, perServer: 10 },
  stream: { perUser: 3, perServer: 10 },
};

describe("the concurrency limiter", () => {
  it("refuses a user's fourth search with a sentence naming the limit, while another user may search", () => {
    const limiter = createConcurrencyLimiter(() => limits);
    for (let one = 0; one < 3; one += 1) limiter.acquire("search", "ada");
    expect(() => limiter.acquire("search", "ada")).toThrow(
      "You already run 3 searches, the most one user may run at once (SEARCH_LIMIT_PER_USER).",
    );
    expect(() => limiter.acquire("search", "grace")).not.toThrow();
    expect(limiter.active("search", "ada")).toBe(3);
    expect(limiter.active("search")).toBe(4);
  });

  it("refuses anyone once the server is full, naming the server's limit", () => {
    const limiter = createConcurrencyLimiter(() => limits);
    limiter.acquire("export", "ada");
    expect(() => limiter.acquire("export", "grace")).toThrow(
      "The server already has 1 exports running, the most it allows at once (EXPORT_LIMIT_PER_SERVER).",
    );
  });

  it("frees a slot on release, and a second release of the same slot frees nothing more", () => {
    const limiter = createConcurrencyLimiter(() => limits);
    const release = limiter.acquire("export", "ada");
    release();
    release();
    const again = limiter.acquire("export", "ada");
    expect(() => limiter.acquire("export", "grace")).toThrow(/EXPORT_LIMIT_PER_SERVER/);
    again();
    expect(limiter.active("export")).toBe(0);
  });

  it("takes several kinds all or none: a refused stream leaves no tail counted", () => {
    const limiter = createConcurrencyLimiter(() => limits);
    limiter.acquireAll(["stream", "watch"], "ada");
    limiter.acquireAll(["stream", "watch"], "ada");
    limiter.acquireAll(["stream", "tail"], "ada");
    expect(() => limiter.acquireAll(["stream", "tail"], "ada")).toThrow(
      "You already have 3 live streams open, the most one user may have open at once (STREAM_LIMIT_PER_USER).",
    );
    expect(limiter.active("tail", "ada")).toBe(1);
    expect(limiter.active("stream", "ada")).toBe(3);
  });
});
