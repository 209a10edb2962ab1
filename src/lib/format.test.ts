import { describe, expect, it } from "vitest";
import { formatDuration, pluralize } from "./format";

describe("formatDuration", () => {
  it("shows seconds, minutes and hours the way an operator reads them", () => {
    expect(formatDuration(2_400)).toBe("2 s");
    expect(formatDuration(125_000)).toBe("2 min");
    expect(formatDuration(3_900_000)).toBe("1 h 5 min");
    expect(formatDuration(7_200_000)).toBe("2 h");
  });
});

describe("pluralize", () => {
  it("uses the singular only for exactly one", () => {
    expect(pluralize(1, "broker")).toBe("1 broker");
    expect(pluralize(3, "broker")).toBe("3 brokers");
    expect(pluralize(1200, "partition")).toBe("1,200 partitions");
  });
});
