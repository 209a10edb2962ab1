import { describe, expect, it } from "vitest";
import type { TDeploymentDto, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { deployBlocker, deployButtonLabel, deploymentLine, failedSteps } from "./deployment-text";

const deployedAt = new Date("2026-12-03T07:00:00Z");
const deployment: TDeploymentDto = {
  pipelineId: "p",
  clusterId: "c",
  slug: "telemetry",
  revision: 4,
  desiredState: "running",
  generation: 2,
  deployedAt,
  deployedBy: "Ana",
};
const threeMinutesLater = new Date(deployedAt.getTime() + 3 * 60_000);

describe("deploymentLine", () => {
  it("says which revision runs, who deployed it and when", () => {
    expect(deploymentLine(deployment, threeMinutesLater)).toBe("Running revision 4 · deployed by Ana 3 min ago");
    expect(deploymentLine({ ...deployment, desiredState: "stopped" }, threeMinutesLater)).toBe(
      "Stopped · revision 4 · deployed by Ana 3 min ago",
    );
    expect(deploymentLine(null, threeMinutesLater)).toBe("Not deployed");
  });
});

describe("deployButtonLabel", () => {
  it("offers a redeploy only when a newer revision was saved than the one deployed", () => {
    expect(deployButtonLabel(4, null)).toBe("Deploy");
    expect(deployButtonLabel(4, deployment)).toBe("Deploy");
    expect(deployButtonLabel(5, deployment)).toBe("Redeploy");
  });
});

describe("deployBlocker", () => {
  it("names the role first, then a draft", () => {
    const viewer = { allowed: false, reason: "Needs the operator role — you are a viewer." };
    expect(deployBlocker(viewer, "ready")).toBe("Needs the operator role — you are a viewer.");
    expect(deployBlocker({ allowed: true, reason: undefined }, "draft")).toMatch(/^Mark the pipeline ready/);
    expect(deployBlocker({ allowed: true, reason: undefined }, "ready")).toBeNull();
  });
});

describe("failedSteps", () => {
  const step = (nodeId: string, state: TStepRuntime["state"], reason: string | null) =>
    ({ nodeId, state, reason }) as TStepRuntime;
  it("lists failed steps with their reasons", () => {
    expect(
      failedSteps({
        "clean-1": step("clean-1", "running", null),
        "model-1": step("model-1", "failed", "telemetry.clean does not exist."),
        "window-1": step("window-1", "failed", null),
      }),
    ).toEqual([
      { nodeId: "model-1", reason: "telemetry.clean does not exist." },
      { nodeId: "window-1", reason: "No reason was reported." },
    ]);
    expect(failedSteps(undefined)).toEqual([]);
  });
});
