import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./cluster-health";

describe("retryDelayMs", () => {
  it("backs off 1 s, 2 s, 4 s and then retries every 5 s", () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
