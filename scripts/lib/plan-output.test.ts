import { describe, expect, it } from "vitest";
import type { TApplyEvent } from "../../src/domain/definitions/definition-dto";
import { applyEventLine, NO_CHANGES, NOTHING_IT_CAN_DO, planLines } from "./plan-output";

describe("planLines", () => {
  it("says there are no changes when the plan is empty", () => {
    expect(planLines({ steps: [], refusals: [] }, "local", 3)).toEqual([
      "Plan for 3 definitions on cluster local:",
      `  ${NO_CHANGES}`,
      "",
      "0 steps.",
    ]);
  });

  it("does not call a plan with only refusals 'no changes'", () => {
    const lines = planLines(
      { steps: [], refusals: [{ topicName: "c", field: "partitions", sentence: "No." }] },
      "local",
      1,
    );
    expect(lines[1]).toBe(`  ${NOTHING_IT_CAN_DO}`);
  });

  it("lists the steps, then every refused change with its sentence", () => {
    const lines = planLines(
      {
        steps: [
          { kind: "create", topicName: "a", partitions: 1, replicationFactor: 1, configs: {} },
          {
            kind: "alterConfigs",
            topicName: "b",
            changes: [{ name: "cleanup.policy", from: "delete", to: "compact" }],
          },
        ],
        refusals: [{ topicName: "c", field: "partitions", sentence: "Kafka never removes partitions: c has 6." }],
      },
      "prod",
      3,
    );
    expect(lines).toEqual([
      "Plan for 3 definitions on cluster prod:",
      "  + Create a with 1 partition and replication factor 1",
      "  ~ Set cleanup.policy of b: delete → compact",
      "",
      "Not changed (1):",
      "  ! c partitions: Kafka never removes partitions: c has 6.",
      "",
      "2 steps; 1 refused, so the cluster will still differ there.",
    ]);
  });
});

describe("applyEventLine", () => {
  it.each<[TApplyEvent, string | null]>([
    [{ kind: "step", index: 0, total: 2, status: "running", description: "Create a" }, "[1/2] Create a …"],
    [{ kind: "step", index: 0, total: 2, status: "done", description: "Create a" }, "[1/2] done"],
    [
      { kind: "step", index: 1, total: 2, status: "failed", description: "Add", sentence: "Kafka refused it." },
      "[2/2] failed: Kafka refused it.",
    ],
    [{ kind: "finished", applied: 2, failed: false, cancelled: false }, "Applied 2 steps."],
    [
      { kind: "finished", applied: 1, failed: true, cancelled: false },
      "Stopped at the first error; 1 step applied before it.",
    ],
    [{ kind: "finished", applied: 0, failed: false, cancelled: true }, "Cancelled; 0 steps applied before that."],
    [{ kind: "plan", plan: { steps: [], refusals: [] } }, null],
  ])("prints %j as %j", (event, line) => {
    expect(applyEventLine(event)).toBe(line);
  });
});
