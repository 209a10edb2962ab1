import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TDeployEvent } from "~/domain/pipelines/runtime/deploy-progress";
import type { TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import { ApplyProgress } from "../../definitions/plan/apply-progress";
import { DeployOutcome } from "./deploy-outcome";
import { cancelDeployRun, deployRunEvent, STARTING_DEPLOY, type TDeployRun } from "./deploy-run";

const STEPS: TDeployEvent = {
  kind: "steps",
  steps: [
    { description: "Create orders.clean with 2 partitions and replication factor 1", part: "topic" },
    { description: "Create orders.scores with 2 partitions and replication factor 1", part: "topic" },
    { description: "Write the deployment of revision 3, so runners start its steps", part: "deployment" },
  ],
};

const DEPLOYMENT: TDeploymentDto = {
  pipelineId: "p1",
  clusterId: "c1",
  slug: "orders",
  revision: 3,
  desiredState: "running",
  generation: 2,
  deployedAt: new Date(0),
  deployedBy: "Ada",
};

function step(index: number, status: "running" | "done" | "failed", sentence?: string): TDeployEvent {
  const description = STEPS.kind === "steps" ? STEPS.steps[index]!.description : "";
  return { kind: "step", index, total: 3, status, description, ...(sentence ? { sentence } : {}) };
}

function after(...events: TDeployEvent[]): TDeployRun {
  return events.reduce(deployRunEvent, STARTING_DEPLOY);
}

describe("a deploy run", () => {
  it("lists every step as pending, follows each, and ends with the deployment", () => {
    expect(after(STEPS).steps.map((entry) => entry.status)).toEqual(["pending", "pending", "pending"]);
    const run = after(
      STEPS,
      step(0, "running"),
      step(0, "done"),
      step(1, "running"),
      step(1, "done"),
      step(2, "running"),
      step(2, "done"),
      { kind: "finished", applied: 3, failed: false, cancelled: false, sentence: null, deployment: DEPLOYMENT },
    );
    expect(run).toMatchObject({ state: "finished", applied: 3, failed: false, deployment: DEPLOYMENT });
    expect(run.steps.map((entry) => entry.status)).toEqual(["done", "done", "done"]);
  });

  it("stops at a failed step with its sentence, the server's summary last, the rest never run", () => {
    const run = after(STEPS, step(0, "done"), step(1, "failed", "Replication factor 3 is larger than the 1 broker."), {
      kind: "finished",
      applied: 1,
      failed: true,
      cancelled: false,
      sentence: "The deploy stopped at step 2 of 3: …",
      deployment: null,
    });
    expect(run.steps.map((entry) => entry.status)).toEqual(["done", "failed", "skipped"]);
    expect(run.steps[1]?.sentence).toBe("Replication factor 3 is larger than the 1 broker.");
    expect(run).toMatchObject({ failed: true, sentence: "The deploy stopped at step 2 of 3: …", deployment: null });
  });

  it("says what was done when cancelled from the dialog", () => {
    const run = cancelDeployRun(after(STEPS, step(0, "running"), step(0, "done")));
    expect(run.state).toBe("cancelled");
    expect(run.steps.map((entry) => entry.status)).toEqual(["done", "skipped", "skipped"]);
    expect(run.sentence).toBe("Cancelled after 1 of 2 topic changes; nothing was deployed. Deploy again to finish.");
  });

  it("says a step running at cancel finishes, and leaves an ended run as it was", () => {
    const running = cancelDeployRun(after(STEPS, step(0, "done"), step(1, "running")));
    expect(running.sentence).toBe(
      "Cancelled during step 2 of 3: it finishes, and no later step runs; nothing was deployed. Deploy again to finish.",
    );
    const ended = after(STEPS, {
      kind: "finished",
      applied: 0,
      failed: false,
      cancelled: true,
      sentence: "x",
      deployment: null,
    });
    expect(cancelDeployRun(ended)).toBe(ended);
  });
});

function html(run: TDeployRun): string {
  return renderToStaticMarkup(
    <ApplyProgress run={run} onCancel={() => undefined} title="Deploy" outcome={<DeployOutcome run={run} />} />,
  );
}

describe("the deploy's progress in its dialog", () => {
  const running = after(STEPS, step(0, "done"), step(1, "running"));

  it("shows each step's state and a Cancel button while it runs", () => {
    const markup = html(running);
    expect([...markup.matchAll(/data-status="(\w+)"/g)].map((match) => match[1])).toEqual([
      "done",
      "running",
      "pending",
    ]);
    expect(markup).toContain("1 of 3 steps done.");
    expect(markup).toMatch(/<button[^>]*>.*Cancel<\/button>/);
    expect(markup).not.toContain('role="status"');
  });

  it("says the revision is deployed once the deployment is written, without a Cancel", () => {
    const markup = html(
      after(STEPS, step(0, "done"), step(1, "done"), step(2, "done"), {
        kind: "finished",
        applied: 3,
        failed: false,
        cancelled: false,
        sentence: null,
        deployment: DEPLOYMENT,
      }),
    );
    expect(markup).toContain("Revision 3 is deployed (generation 2)");
    expect(markup).not.toContain("Cancel</button>");
  });

  it("says what a cancel left behind", () => {
    expect(html(cancelDeployRun(running))).toContain("Cancelled during step 2 of 3: it finishes");
  });
});
