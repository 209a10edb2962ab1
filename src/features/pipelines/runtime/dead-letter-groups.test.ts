import { describe, expect, it } from "vitest";
import type { TDeadLetterRecord } from "~/domain/pipelines/runtime/runtime-dto";
import { canReplayGroup, deadLetterGroups } from "./dead-letter-groups";
import { chain } from "./test-overlay";

const letter = (offset: string, stepId: string | null): TDeadLetterRecord => ({
  partition: 0,
  offset,
  timestamp: new Date(0),
  key: "server-1-cpu",
  value: "{not json",
  error: "The value is not JSON.",
  step: stepId,
  revision: 3,
  source: { topic: "telemetry.raw", partition: 1, offset: "77" },
});

describe("deadLetterGroups", () => {
  it("groups records by step in document order, with the step's input topic to replay into", () => {
    const groups = deadLetterGroups(chain, [letter("5", "model-1"), letter("6", "clean-1"), letter("7", "model-1")]);
    expect(
      groups.map((group) => [group.nodeId, group.inputTopic, group.records.map((record) => record.offset)]),
    ).toEqual([
      ["clean-1", "telemetry.raw", ["6"]],
      ["model-1", "telemetry.clean", ["5", "7"]],
    ]);
  });

  it("keeps records of unknown steps readable but not replayable from here", () => {
    const [gone, unnamed] = deadLetterGroups(chain, [letter("1", "removed-step"), letter("2", null)]);
    expect(gone).toMatchObject({ nodeId: "removed-step", inputTopic: null });
    expect(unnamed).toMatchObject({ nodeId: "", stepName: "Unknown step" });
    expect(canReplayGroup(chain, gone!)).toBe(false);
    expect(canReplayGroup(chain, unnamed!)).toBe(false);
    expect(canReplayGroup(chain, deadLetterGroups(chain, [letter("3", "clean-1")])[0]!)).toBe(true);
  });
});
