import { describe, expect, it } from "vitest";
import {
  activeMembersSentence,
  clampOffset,
  parsePartitionList,
  parseTimestampInput,
  computeResetRows,
  selectPartitions,
  validateStrategy,
  type TPartitionPosition,
} from "./offset-reset";

const positions: TPartitionPosition[] = [
  { partition: 0, low: 10n, high: 100n, committed: 50n },
  { partition: 1, low: 0n, high: 20n, committed: 5n },
  { partition: 2, low: 0n, high: 0n, committed: null },
];

describe("offset reset", () => {
  it("moves every partition to its earliest or latest offset", () => {
    expect(computeResetRows(positions, { kind: "earliest" }).map((row) => row.after)).toEqual(["10", "0", "0"]);
    expect(computeResetRows(positions, { kind: "latest" }).map((row) => row.after)).toEqual(["100", "20", "0"]);
  });

  it("shows the committed offset before and the target after, per partition", () => {
    const [first, , third] = computeResetRows(positions, { kind: "offset", offset: "15" });
    expect(first).toEqual({ partition: 0, low: "10", high: "100", before: "50", after: "15", note: null });
    expect(third?.before).toBeNull();
  });

  it("clamps an explicit offset into the partition's range and says why", () => {
    const rows = computeResetRows(positions, { kind: "offset", offset: "5" });
    expect(rows[0]).toMatchObject({ after: "10", note: "Before the earliest offset 10; moved up to it." });
    expect(rows[1]).toMatchObject({ after: "5", note: null });
    expect(rows[2]).toMatchObject({ after: "0", note: "Past the log-end offset 0; moved down to it." });
  });

  it("shifts each committed offset by N in either direction, clamped at both ends", () => {
    expect(computeResetRows(positions, { kind: "shift", by: "-45" }).map((row) => row.after)).toEqual(["10", "0", "0"]);
    const forward = computeResetRows(positions, { kind: "shift", by: "+10" });
    expect(forward.map((row) => row.after)).toEqual(["60", "15", "0"]);
    expect(forward[2]?.note).toContain("Nothing committed; shifted from the earliest offset.");
  });

  it("keeps offsets beyond 2^53 exact", () => {
    const big = [{ partition: 0, low: 0n, high: 9007199254740995n, committed: 9007199254740993n }];
    expect(computeResetRows(big, { kind: "shift", by: "1" })[0]?.after).toBe("9007199254740994");
  });

  it("uses the offsets Kafka found for a timestamp, and the log end where none was found", () => {
    const rows = computeResetRows(
      positions,
      { kind: "timestamp", timestampMs: 1_700_000_000_000 },
      new Map([[0, 42n]]),
    );
    expect(rows.map((row) => row.after)).toEqual(["42", "20", "0"]);
  });

  it("limits the reset to the chosen partitions and names unknown ones", () => {
    expect(selectPartitions(positions, [1, 7]).selected.map((p) => p.partition)).toEqual([1]);
    expect(selectPartitions(positions, [1, 7]).missing).toEqual([7]);
    expect(selectPartitions(positions, []).selected).toHaveLength(3);
  });

  it("clamps inside the range untouched", () => {
    expect(clampOffset(5n, 0n, 10n)).toEqual({ offset: 5n, note: null });
  });

  it("counts the active members in the refusal sentence", () => {
    expect(activeMembersSentence(2)).toBe("The group has 2 active members; stop them first.");
    expect(activeMembersSentence(1)).toBe("The group has 1 active member; stop them first.");
    expect(activeMembersSentence(0)).toBeNull();
  });

  it("rejects a value that is not a whole number before asking the server", () => {
    expect(validateStrategy({ kind: "offset", offset: "-3" })).toBe("Enter a whole number of 0 or more.");
    expect(validateStrategy({ kind: "shift", by: "1.5" })).toBe("Enter a whole number, like -100 or 50.");
    expect(validateStrategy({ kind: "shift", by: "-100" })).toBeNull();
  });
});

describe("offset reset form fields", () => {
  it("reads chosen partitions as numbers and ranges", () => {
    expect(parsePartitionList("2, 0-1, 2")).toEqual({ partitions: [0, 1, 2] });
    expect(parsePartitionList("  ")).toEqual({ partitions: [] });
    expect(parsePartitionList("1,x")).toEqual({ error: '"x" is not a partition number or a range like 2-4.' });
    expect(parsePartitionList("4-2")).toEqual({ error: "The range 4-2 runs backwards." });
  });

  it("reads a time as ISO 8601 or epoch milliseconds", () => {
    expect(parseTimestampInput("2026-01-01T00:00:05Z")).toEqual({ timestampMs: Date.UTC(2026, 0, 1, 0, 0, 5) });
    expect(parseTimestampInput("1767225605000")).toEqual({ timestampMs: 1767225605000 });
    expect(parseTimestampInput("yesterday")).toHaveProperty("error");
  });
});
