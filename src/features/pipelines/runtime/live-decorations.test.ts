import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { VIRTUAL_DEAD_LETTER_NODE_ID, deadLetterEdgeId } from "./dead-letter-edges";
import { liveDecorations } from "./live-decorations";
import { chain, overlay, step } from "./test-overlay";

describe("liveDecorations", () => {
  it("draws nothing while the pipeline is not deployed", () => {
    expect(liveDecorations(chain, null)).toBeNull();
    expect(liveDecorations(chain, overlay({ deployment: null }))).toBeNull();
  });

  it("labels every edge with its rate by edge id, dimming 0/s", () => {
    const live = liveDecorations(chain, overlay())!;
    expect(live.edges.get("edge-1")).toEqual({ rate: "1.2k/s", isIdle: false, isDeadLetter: false });
    expect(live.edges.get("edge-3")).toEqual({ rate: "0/s", isIdle: true, isDeadLetter: false });
    expect(live.edges.get("edge-4")?.rate).toBe("3.5/s");
  });

  it("shows each step's state, rates, lag and instances", () => {
    const live = liveDecorations(chain, overlay())!;
    expect(live.nodes.get("clean-1")).toMatchObject({
      kind: "step",
      state: "running",
      stateText: "Running",
      rates: "in 1.2k/s · out 1.2k/s",
      lag: "lag 42",
      deadLetters: null,
      errors: null,
    });
    expect(live.nodes.get("topic-1")).toBeUndefined();
  });

  it("says why a step failed and counts its failed instances and dead letters", () => {
    const failed = step("clean-1", {
      state: "failed",
      reason: "The topic telemetry.clean does not exist.",
      deadLettered: 12,
      instances: [step("clean-1").instances[0]!, { ...step("clean-1").instances[1]!, state: "failed" }],
    });
    const live = liveDecorations(chain, overlay({ steps: { "clean-1": failed } }))!;
    expect(live.nodes.get("clean-1")).toMatchObject({
      stateText: "Failed: The topic telemetry.clean does not exist.",
      deadLetters: "12 dead letters",
      errors: "1 instance failed",
    });
  });

  it("draws the overlay on the open document by id: a step the deployed revision lacks is marked, unknown edges get no rate", () => {
    const open: TPipelineDocument = {
      ...chain,
      nodes: [...chain.nodes, { ...chain.nodes[1]!, id: "clean-2" }],
      edges: [
        ...chain.edges,
        { id: "edge-9", source: "topic-1", sourcePort: "out", target: "clean-2", targetPort: "in" },
      ],
    };
    const live = liveDecorations(open, overlay())!;
    expect(live.nodes.get("clean-2")).toMatchObject({
      state: "not-deployed",
      stateText: "Not in the deployed revision 3",
    });
    expect(live.edges.has("edge-9")).toBe(false);
  });

  it("gives equal signatures to marks that read the same, so unchanged nodes are not redrawn", () => {
    const first = liveDecorations(chain, overlay())!.nodes.get("clean-1")!;
    const again = liveDecorations(chain, overlay({ at: new Date() }))!.nodes.get("clean-1")!;
    const slower = liveDecorations(chain, overlay({ steps: { "clean-1": step("clean-1", { inRate: 900 }) } }))!;
    expect(again.signature).toBe(first.signature);
    expect(slower.nodes.get("clean-1")!.signature).not.toBe(first.signature);
  });
});

describe("dead-letter edges", () => {
  const dead = { "clean-1": step("clean-1", { deadLettered: 7, deadLetterRate: 0.5 }), "model-1": step("model-1") };

  it("draws an edge from each step that dead-lettered to a virtual node right of the graph", () => {
    const live = liveDecorations(
      chain,
      overlay({ steps: dead, deadLetter: { topic: "telemetry.dead-letter", rate: 0.5, total: 7 } }),
    )!;
    expect(live.extraEdges).toHaveLength(1);
    expect(live.extraEdges[0]).toMatchObject({
      id: deadLetterEdgeId("clean-1"),
      source: "clean-1",
      target: VIRTUAL_DEAD_LETTER_NODE_ID,
      data: { live: { rate: "0.5/s", isIdle: false, isDeadLetter: true } },
    });
    const [node] = live.extraNodes;
    expect(node?.id).toBe(VIRTUAL_DEAD_LETTER_NODE_ID);
    expect(node?.position.x).toBeGreaterThan(Math.max(...chain.nodes.map((candidate) => candidate.position.x)));
    expect(node?.data.live).toMatchObject({ kind: "dead-letters", text: "7 dead letters · 0.5/s", isVirtual: true });
  });

  it("draws them to the dead-letter topic's node when it is on the canvas", () => {
    const withTopic: TPipelineDocument = {
      ...chain,
      nodes: [
        ...chain.nodes,
        {
          id: "dlq",
          kind: "topic",
          label: "",
          position: { x: 600, y: 300 },
          config: { topicName: "telemetry.dead-letter" },
        },
      ],
    };
    const live = liveDecorations(
      withTopic,
      overlay({ steps: dead, deadLetter: { topic: "telemetry.dead-letter", rate: 0.5, total: 7 } }),
    )!;
    expect(live.extraEdges[0]?.target).toBe("dlq");
    expect(live.extraNodes).toEqual([]);
    expect(live.nodes.get("dlq")).toMatchObject({ kind: "dead-letters", isVirtual: false });
  });

  it("draws none while no step dead-lettered, or when the pipeline has no dead-letter topic", () => {
    expect(liveDecorations(chain, overlay())!.extraEdges).toEqual([]);
    expect(liveDecorations(chain, overlay())!.extraNodes).toEqual([]);
    const noTopic = { ...chain, settings: { ...chain.settings, deadLetterTopic: null } };
    expect(liveDecorations(noTopic, overlay({ steps: dead, deadLetter: null }))!.extraEdges).toEqual([]);
  });
});
