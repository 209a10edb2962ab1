import { describe, expect, it } from "vitest";
import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { toCanvas } from "~/domain/pipelines/canvas";
import { VIRTUAL_DEAD_LETTER_NODE_ID } from "../runtime/dead-letter-edges";
import { liveDecorations } from "../runtime/live-decorations";
import { chain, overlay, step } from "../runtime/test-overlay";
import { decorateCanvas } from "./decorate-canvas";

const topicNode: TCanvasNode = {
  id: "raw",
  type: "pipeline",
  position: { x: 0, y: 0 },
  data: {
    node: { id: "raw", kind: "topic", label: "", position: { x: 0, y: 0 }, config: { topicName: "t" } },
    problems: [],
  },
};
const edge: TCanvasEdge = { id: "e1", source: "raw", target: "clean-1", data: { problems: [] } };

function runWith(nodes: TDryRunResult["nodes"], edges: TDryRunResult["edges"]): TDryRunResult {
  return { inputs: [], nodes, edges, deadLetters: [], problems: [], elapsedMs: 1, stoppedEarly: null };
}

describe("decorateCanvas", () => {
  it("leaves nodes alone and draws edges with the pipeline view when there is no run", () => {
    const { nodes, edges } = decorateCanvas({ nodes: [topicNode], edges: [edge] }, null, new Set(["e1"]));
    expect(nodes[0]).toEqual({ ...topicNode, ariaLabel: "Topic: t" });
    expect(edges[0]).toMatchObject({ id: "e1", type: "pipeline", selected: true, data: { run: null } });
  });

  it("puts the run's counts on nodes and edges, and the shape on the edge", () => {
    const shape = { type: "object" };
    const run = runWith(
      { raw: { nodeId: "raw", received: 3, emitted: 2, deadLettered: 1, samples: [], errors: [] } },
      { e1: { edgeId: "e1", count: 2, records: [], shape, schemaMisfits: [], misfitCount: 0 } },
    );
    const { nodes, edges } = decorateCanvas({ nodes: [topicNode], edges: [edge] }, run, new Set());
    expect(nodes[0]?.data.run).toEqual({ received: 3, emitted: 2, deadLettered: 1 });
    expect(edges[0]?.data?.run).toEqual({ count: 2, shape });
    expect(edges[0]?.selected).toBe(false);
  });
});

describe("decorateCanvas with the live overlay", () => {
  it("puts the live marks on nodes and edges and adds the dead-letter edges and node", () => {
    const steps = { "clean-1": step("clean-1", { deadLettered: 2, deadLetterRate: 1 }), "model-1": step("model-1") };
    const live = liveDecorations(chain, overlay({ steps }));
    const { nodes, edges } = decorateCanvas(toCanvas(chain, [], new Set()), null, new Set(), live);
    const clean = nodes.find((node) => node.id === "clean-1");
    expect(clean?.data.live).toMatchObject({ kind: "step", stateText: "Running" });
    expect(clean?.ariaLabel).toContain("Running, in 1.2k/s · out 1.2k/s, lag 42, 2 dead letters, 2 instances.");
    expect(edges.find((candidate) => candidate.id === "edge-1")?.data?.live?.rate).toBe("1.2k/s");
    expect(nodes.at(-1)?.id).toBe(VIRTUAL_DEAD_LETTER_NODE_ID);
    expect(edges.at(-1)).toMatchObject({ source: "clean-1", target: VIRTUAL_DEAD_LETTER_NODE_ID });
  });
});
