import { describe, expect, it } from "vitest";
import { instanceMarks, partitionsText, runnerNames } from "./instance-marks";
import { instance, runner, step } from "./test-overlay";

describe("runnerNames", () => {
  it("names runners by host, adding the pid where two share a host", () => {
    const names = runnerNames([runner("r1", "box", 11), runner("r2", "box", 12), runner("r3", "other", 13)]);
    expect(names.get("r1")).toBe("box:11");
    expect(names.get("r2")).toBe("box:12");
    expect(names.get("r3")).toBe("other");
  });
});

describe("partitionsText", () => {
  it("lists partitions in order, and counts the rest past six", () => {
    expect(partitionsText([4, 0, 2])).toBe("p0 p2 p4");
    expect(partitionsText([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe("p0 p1 p2 p3 p4 … +7");
  });
});

describe("instanceMarks", () => {
  const names = new Map([
    ["r1", "runner-a"],
    ["r2", "runner-b"],
  ]);

  it("labels each member by runner and instance with the partitions it holds", () => {
    const marks = instanceMarks(step("clean-1"), names);
    expect(marks.map((mark) => `${mark.label} · ${mark.partitions}`)).toEqual([
      "runner-a #1 · p0 p2 p4",
      "runner-b #1 · p1 p3 p5",
    ]);
    expect(marks.every((mark) => mark.tone === "running")).toBe(true);
  });

  it("marks a member without partitions idle, with the step's reason on hover", () => {
    const idleReason = "1 of 3 instances is idle: the input topic telemetry.raw has 2 partitions.";
    const marks = instanceMarks(
      step("clean-1", {
        idleReason,
        instances: [
          instance("r1", "runner-a", [0]),
          instance("r1", "runner-a", [1], { instance: 1 }),
          instance("r2", "runner-b", []),
        ],
      }),
      names,
    );
    const idle = marks.find((mark) => mark.label === "runner-b #1");
    expect(idle).toMatchObject({ partitions: "idle", tone: "idle", title: idleReason });
  });

  it("reads a member without partitions as rebalancing, not idle, while partitions are still unassigned", () => {
    const [mark] = instanceMarks(
      step("clean-1", { instances: [instance("r1", "runner-a", [], { idle: false })] }),
      names,
    );
    expect(mark).toMatchObject({ tone: "starting", partitions: "rebalancing" });
  });

  it("marks a gone runner's member gone even when its last report said failed", () => {
    const [mark] = instanceMarks(
      step("clean-1", {
        instances: [instance("r1", "runner-a", [0, 1], { gone: true, state: "failed", reason: "Broker down." })],
      }),
      names,
    );
    expect(mark).toMatchObject({ tone: "gone", partitions: "gone" });
    expect(mark?.title).toContain("runner-a stopped sending heartbeats");
  });

  it("shows a failed member's reason", () => {
    const [mark] = instanceMarks(
      step("clean-1", { instances: [instance("r1", "runner-a", [], { state: "failed", reason: "Topic missing." })] }),
      names,
    );
    expect(mark).toMatchObject({ tone: "failed", title: "Failed: Topic missing." });
  });
});
