import { describe, expect, it } from "vitest";
import type { TPlan } from "~/domain/definitions/plan";
import { applyRunEvent, cancelRun, STARTING_RUN } from "./apply-run";

const PLAN: TPlan = {
  steps: [
    { kind: "create", topicName: "a", partitions: 3, replicationFactor: 1, configs: {} },
    { kind: "addPartitions", topicName: "b", from: 3, to: 6 },
    { kind: "alterConfigs", topicName: "c", changes: [{ name: "retention.ms", from: "604800000", to: "86400000" }] },
  ],
  refusals: [],
};

describe("an apply run", () => {
  it("lists the server's plan as pending steps, then follows each step", () => {
    let run = applyRunEvent(STARTING_RUN, { kind: "plan", plan: PLAN });
    expect(run.steps.map((step) => step.status)).toEqual(["pending", "pending", "pending"]);
    run = applyRunEvent(run, { kind: "step", index: 0, total: 3, status: "running", description: "Create a" });
    run = applyRunEvent(run, { kind: "step", index: 0, total: 3, status: "done", description: "Create a" });
    expect(run.steps[0]).toEqual({ description: "Create a", status: "done" });
    expect(run.steps[1]?.description).toMatch(/^Add 3 partitions to b/);
  });

  it("stops at the first failure with its sentence and marks the rest as never run", () => {
    let run = applyRunEvent(STARTING_RUN, { kind: "plan", plan: PLAN });
    run = applyRunEvent(run, { kind: "step", index: 0, total: 3, status: "done", description: "Create a" });
    run = applyRunEvent(run, {
      kind: "step",
      index: 1,
      total: 3,
      status: "failed",
      description: "Add 3 partitions to b",
      sentence: "The topic b does not exist.",
    });
    run = applyRunEvent(run, { kind: "finished", applied: 1, failed: true, cancelled: false });
    expect(run.state).toBe("finished");
    expect(run.failed).toBe(true);
    expect(run.sentence).toBe("The topic b does not exist.");
    expect(run.steps.map((step) => step.status)).toEqual(["done", "failed", "skipped"]);
  });

  it("keeps what ran when cancelled from the page", () => {
    let run = applyRunEvent(STARTING_RUN, { kind: "plan", plan: PLAN });
    run = applyRunEvent(run, { kind: "step", index: 0, total: 3, status: "done", description: "Create a" });
    run = cancelRun(run);
    expect(run.state).toBe("cancelled");
    expect(run.steps.map((step) => step.status)).toEqual(["done", "skipped", "skipped"]);
    expect(cancelRun({ ...run, state: "finished" }).state).toBe("finished");
  });
});
