import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TDeployPlan } from "~/domain/pipelines/runtime/runtime-dto";
import { DeployPlanView } from "./deploy-plan-view";

const plan: TDeployPlan = {
  pipelineId: "p",
  revision: 5,
  deployedRevision: 4,
  refusals: [],
  topics: {
    steps: [
      {
        kind: "create",
        topicName: "tributary.telemetry.model-1.changelog",
        partitions: 6,
        replicationFactor: 1,
        configs: { "cleanup.policy": "compact" },
      },
    ],
    refusals: [],
  },
  groups: [
    {
      nodeId: "clean-1",
      groupId: "tributary.telemetry.clean-1",
      inputTopic: "telemetry.raw",
      exists: true,
      restarts: false,
      changelogTopic: null,
      partitions: [{ partition: 0, committed: "1204", startsAt: "at committed offset 1,204 — 312 records behind" }],
    },
    {
      nodeId: "model-1",
      groupId: "tributary.telemetry.model-1",
      inputTopic: "telemetry.clean",
      exists: false,
      restarts: true,
      changelogTopic: "tributary.telemetry.model-1.changelog",
      partitions: [],
    },
  ],
  removedSteps: ["filter-2"],
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("DeployPlanView", () => {
  it("shows the topic changes, each group with where it starts and whether it restarts, and removed steps", () => {
    const shown = text(renderToStaticMarkup(<DeployPlanView plan={plan} />));
    expect(shown).toContain(
      "Create tributary.telemetry.model-1.changelog with 6 partitions, replication factor 1 and 1 config",
    );
    expect(shown).toContain("tributary.telemetry.clean-1 keeps running existing group");
    expect(shown).toContain("Partition 0: at committed offset 1,204 — 312 records behind");
    expect(shown).toContain("tributary.telemetry.model-1 starts new group");
    expect(shown).toContain("its per-key state lives in tributary.telemetry.model-1.changelog");
    expect(shown).toContain("Stops filter-2: removed from the pipeline.");
    expect(shown).not.toContain("Cannot deploy yet");
  });

  it("lists refusals as sentences, rendered as text", () => {
    const refused = { ...plan, refusals: ["Define <b>telemetry.clean</b> first, or create it."] };
    const html = renderToStaticMarkup(<DeployPlanView plan={refused} />);
    expect(text(html)).toContain("Cannot deploy yet");
    expect(html).toContain("Define &lt;b&gt;telemetry.clean&lt;/b&gt; first, or create it.");
  });
});
