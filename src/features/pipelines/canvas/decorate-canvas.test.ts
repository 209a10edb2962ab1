import { describe, expect, it } from "vitest";
import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
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
