import type { EdgeChange, NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import {
  documentFromEdgeChanges,
  documentFromNodeChanges,
  toCanvas,
  type TCanvasEdge,
  type TCanvasNode,
} from "./canvas";
import type { TPipelineProblem } from "./pipeline-dto";
import { PIPELINE_TEMPLATES } from "./templates";

const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");

const onNode: TPipelineProblem = {
  rule: "cycle",
  severity: "error",
  nodeId: "clean-1",
  edgeId: null,
  sentence: "On a cycle.",
};
const onEdge: TPipelineProblem = {
  rule: "port-unknown",
  severity: "error",
  nodeId: "topic-2",
  edgeId: "edge-2",
  sentence: "No such port.",
};

describe("toCanvas", () => {
  const { nodes, edges } = toCanvas(chain, [onNode, onEdge], new Set(["model-1", "edge-4"]));

  it("draws each document node as a pipeline node at its position, with its problems", () => {
    expect(nodes.map((node) => node.id)).toEqual(chain.nodes.map((node) => node.id));
    const clean = nodes.find((node) => node.id === "clean-1")!;
    expect(clean).toMatchObject({ type: "pipeline", position: chain.nodes[1]!.position, selected: false });
    expect(clean.data.node).toBe(chain.nodes[1]);
    expect(clean.data.problems).toEqual([onNode]);
    expect(nodes.find((node) => node.id === "topic-2")!.data.problems).toEqual([onEdge]);
    expect(nodes.find((node) => node.id === "model-1")!.selected).toBe(true);
  });

  it("draws each edge between its ports, with its problems", () => {
    expect(edges.find((edge) => edge.id === "edge-2")).toMatchObject({
      source: "clean-1",
      target: "topic-2",
      sourceHandle: "out",
      targetHandle: "in",
      data: { problems: [onEdge] },
      selected: false,
    });
    expect(edges.find((edge) => edge.id === "edge-4")!.selected).toBe(true);
  });
});

describe("canvas changes back to the document", () => {
  it("moves nodes dragged on the canvas", () => {
    const changes: NodeChange<TCanvasNode>[] = [
      { type: "position", id: "clean-1", position: { x: 7, y: 9 }, dragging: true },
      { type: "select", id: "topic-1", selected: true },
    ];
    const document = documentFromNodeChanges(chain, changes);
    expect(document.nodes[1]!.position).toEqual({ x: 7, y: 9 });
    expect(document.nodes[0]).toBe(chain.nodes[0]);
  });

  it("removes deleted nodes and the edges touching them", () => {
    const document = documentFromNodeChanges(chain, [{ type: "remove", id: "model-1" }]);
    expect(document.nodes.map((node) => node.id)).not.toContain("model-1");
    expect(document.edges.map((edge) => edge.id)).toEqual(["edge-1", "edge-2"]);
  });

  it("returns the same document for selection and measurement changes", () => {
    const changes: NodeChange<TCanvasNode>[] = [
      { type: "select", id: "topic-1", selected: true },
      { type: "dimensions", id: "topic-1", dimensions: { width: 200, height: 80 } },
    ];
    expect(documentFromNodeChanges(chain, changes)).toBe(chain);
    const edgeSelect: EdgeChange<TCanvasEdge>[] = [{ type: "select", id: "edge-1", selected: true }];
    expect(documentFromEdgeChanges(chain, edgeSelect)).toBe(chain);
  });

  it("removes deleted edges", () => {
    const document = documentFromEdgeChanges(chain, [{ type: "remove", id: "edge-3" }]);
    expect(document.edges.map((edge) => edge.id)).toEqual(["edge-1", "edge-2", "edge-4"]);
    expect(document.nodes).toBe(chain.nodes);
  });

  it("round-trips: the canvas of the changed document shows the change", () => {
    const moved = documentFromNodeChanges(chain, [{ type: "position", id: "topic-3", position: { x: 1, y: 2 } }]);
    expect(toCanvas(moved, [], new Set()).nodes.find((node) => node.id === "topic-3")!.position).toEqual({
      x: 1,
      y: 2,
    });
  });
});
