import { describe, expect, it } from "vitest";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import type { TMemberRow } from "~/server/db/pipeline-runners";
import { chainDocument } from "../../../../../test/pipeline-fixtures";
import { idleSentence, stepRuntime, stepState, type TStepInputs } from "./step-runtime";

const step = deployedSteps(chainDocument("unit", "Unit chain")).find((candidate) => candidate.nodeId === "keep-hot")!;

function member(
  runnerId: string,
  instance: number,
  partitions: number[],
  state: TMemberRow["state"] = "running",
): TMemberRow {
  return {
    id: `${runnerId}/dep/keep-hot/${instance}`,
    runnerId,
    deploymentId: "dep",
    nodeId: "keep-hot",
    instance,
    revision: 2,
    state,
    reason: state === "failed" ? "The expression failed." : null,
    memberId: `m-${runnerId}-${instance}`,
    partitions,
    consumed: 100,
    produced: 50,
    deadLettered: 1,
    portCounts: { out: 50 },
    updatedAt: new Date(),
  };
}

const inputs = (members: TMemberRow[], overrides: Partial<TStepInputs> = {}): TStepInputs => ({
  step,
  groupId: "tributary.unit.keep-hot",
  desiredState: "running",
  members,
  runners: new Map([
    ["r1", { host: "host-1", gone: false }],
    ["r2", { host: "host-2", gone: true }],
  ]),
  rates: new Map(),
  lag: 7,
  inputPartitions: 2,
  ...overrides,
});

describe("a step's runtime", () => {
  it("marks members without partitions idle when the others hold every partition, with the seeds' sentence", () => {
    const { runtime } = stepRuntime(inputs([member("r1", 0, [0]), member("r1", 1, [1]), member("r1", 2, [])]));
    expect(runtime.instances.map((instance) => instance.idle)).toEqual([false, false, true]);
    expect(runtime.idleReason).toBe(
      "1 of 3 instances is idle: the input topic unit-raw has 2 partitions, and Kafka gives each partition to one member of the group. Add partitions or run fewer instances.",
    );
  });

  it("does not call a member idle while partitions are still unassigned (a rebalance)", () => {
    const { runtime } = stepRuntime(inputs([member("r1", 0, [0]), member("r1", 1, [])]));
    expect(runtime.instances.some((instance) => instance.idle)).toBe(false);
    expect(runtime.idleReason).toBeNull();
  });

  it("shows the members of a gone runner as gone and leaves them out of the state and totals", () => {
    const { runtime } = stepRuntime(inputs([member("r1", 0, [0, 1]), member("r2", 0, [], "failed")]));
    expect(runtime.instances.map((instance) => [instance.runnerHost, instance.gone])).toEqual([
      ["host-1", false],
      ["host-2", true],
    ]);
    expect(runtime.state).toBe("running");
    expect(runtime.consumed).toBe(100);
  });

  it("is failed with the member's reason when a live member failed", () => {
    expect(
      stepState(
        "running",
        [
          { state: "running", reason: null },
          { state: "failed", reason: "Boom." },
        ],
        true,
      ),
    ).toEqual({
      state: "failed",
      reason: "Boom.",
    });
    expect(stepState("running", [{ state: "starting", reason: null }], true).state).toBe("starting");
  });

  it("is stopped when the deployment is stopped, and says why when no runner runs it", () => {
    expect(stepState("stopped", [{ state: "running", reason: null }], true)).toEqual({
      state: "stopped",
      reason: null,
    });
    expect(stepState("running", [], false).reason).toMatch(/No runner runs this step yet/);
    expect(stepState("running", [], true).reason).toMatch(/stopped reporting/);
  });

  it("writes the idle sentence in the plural", () => {
    expect(idleSentence(2, 8, "telemetry.clean", 6)).toBe(
      "2 of 8 instances are idle: the input topic telemetry.clean has 6 partitions, and Kafka gives each partition to one member of the group. Add partitions or run fewer instances.",
    );
  });
});
