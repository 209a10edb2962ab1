import { describe, expect, it } from "vitest";
import { templateById } from "../templates";
import { changedSteps, deployedSteps, keepsState } from "./deployed-steps";

const chain = () => templateById("telemetry-anomalies").document("Telemetry anomalies");

describe("deployed steps", () => {
  it("lists each step of the seeds' chain with the topics it reads and writes", () => {
    const steps = deployedSteps(chain());
    expect(steps.map((step) => [step.kind, step.inputTopic, step.outputTopics.out])).toEqual([
      ["clean", "telemetry.raw", "telemetry.clean"],
      ["model", "telemetry.clean", "telemetry.anomalies"],
    ]);
    expect(steps.map(keepsState)).toEqual([false, true]);
  });

  it("restarts only the step whose config changed, and none when nothing did", () => {
    const before = chain();
    expect(changedSteps(before, chain())).toEqual([]);
    const after = structuredClone(before);
    const model = after.nodes.find((node) => node.kind === "model")!;
    model.position = { x: 999, y: 999 };
    expect(changedSteps(before, after)).toEqual([]);
    if (model.kind === "model" && model.config.method.type === "zscore") model.config.method.threshold = 9;
    expect(changedSteps(before, after)).toEqual([model.id]);
    expect(changedSteps(null, after)).toHaveLength(2);
  });
});
