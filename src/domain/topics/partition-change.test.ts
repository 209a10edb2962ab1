import { describe, expect, it } from "vitest";
import { validatePartitionIncrease } from "./partition-change";

describe("validatePartitionIncrease", () => {
  it.each([
    {
      current: 6,
      requested: 3,
      message: "A topic's partitions can be added but never removed: it has 6, so choose more than 6.",
    },
    { current: 6, requested: 6, message: "It already has 6 partitions." },
    { current: 1, requested: 1, message: "It already has 1 partition." },
    { current: 6, requested: 7.5, message: "The number of partitions must be a whole number." },
    {
      current: 6,
      requested: 10_001,
      message: "Choose at most 10,000 partitions; Kafka creates no more than that in one request.",
    },
  ])("refuses $current → $requested", ({ current, requested, message }) => {
    expect(validatePartitionIncrease(current, requested)).toEqual({ ok: false, message });
  });

  it("accepts more partitions and warns that keys move", () => {
    expect(validatePartitionIncrease(6, 12)).toEqual({
      ok: true,
      warnings: [
        "Records with a key may go to a different partition from now on, so per-key order holds only among records written after the change.",
      ],
    });
  });
});
