import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "./document";
import { addNode, connect, copySelection, moveNodes, paste, removeElements, updateNode } from "./edits";
import { PIPELINE_TEMPLATES } from "./templates";

const blank = PIPELINE_TEMPLATES.find((template) => template.id === "blank")!.document("Blank");
const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");

/** Every edit must leave its input as it was: undo keeps the old documents. */
function frozen(document: TPipelineDocument): TPipelineDocument {
  const copy = structuredClone(document);
  return deepFreeze(copy);
}
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("addNode", () => {
  it("adds a node with its kind's defaults and the first free <kind>-<n> id", () => {
    const first = addNode(frozen(blank), "filter", { x: 10, y: 20 });
    expect(first.nodeId).toBe("filter-1");
    expect(first.document.nodes).toEqual([
      { id: "filter-1", kind: "filter", label: "", position: { x: 10, y: 20 }, config: { predicate: "value > 90" } },
    ]);
    const second = addNode(frozen(first.document), "filter", { x: 0, y: 0 });
    expect(second.nodeId).toBe("filter-2");
    const afterRemoval = addNode(removeElements(second.document, { nodes: ["filter-1"], edges: [] }), "filter", {
      x: 0,
      y: 0,
    });
    expect(afterRemoval.nodeId).toBe("filter-1");
  });
});

describe("removeElements", () => {
  it("removes a node with every edge touching it", () => {
    const document = removeElements(frozen(chain), { nodes: ["topic-2"], edges: [] });
    expect(document.nodes.map((node) => node.id)).toEqual(["topic-1", "clean-1", "model-1", "topic-3"]);
    expect(document.edges.map((edge) => edge.id)).toEqual(["edge-1", "edge-4"]);
  });

  it("removes edges by id and keeps their nodes", () => {
    const document = removeElements(frozen(chain), { nodes: [], edges: ["edge-1"] });
    expect(document.nodes).toHaveLength(5);
    expect(document.edges.map((edge) => edge.id)).toEqual(["edge-2", "edge-3", "edge-4"]);
  });
});

describe("moveNodes", () => {
  it("moves only the named nodes and returns the same document when none is named", () => {
    const original = frozen(chain);
    const moved = moveNodes(original, { "clean-1": { x: 5, y: 6 } });
    expect(moved.nodes.find((node) => node.id === "clean-1")?.position).toEqual({ x: 5, y: 6 });
    expect(moved.nodes.find((node) => node.id === "topic-1")).toBe(original.nodes[0]);
    expect(moveNodes(original, { "gone-1": { x: 1, y: 1 } })).toBe(original);
  });
});

describe("connect", () => {
  const loose = removeElements(chain, { nodes: [], edges: ["edge-1"] });

  it("connects two ports with a fresh edge id", () => {
    const result = connect(frozen(loose), {
      source: "topic-1",
      sourcePort: "out",
      target: "clean-1",
      targetPort: "in",
    });
    expect(result).toMatchObject({ ok: true, edgeId: "edge-1" });
    if (result.ok) expect(result.document.edges).toHaveLength(4);
  });

  it.each([
    [
      { source: "clean-1", sourcePort: "out", target: "clean-1", targetPort: "in" },
      "A node cannot be connected to itself.",
    ],
    [
      { source: "topic-2", sourcePort: "out", target: "model-1", targetPort: "in" },
      "topic-2 is already connected to model-1 there.",
    ],
    [
      { source: "clean-1", sourcePort: "rejects", target: "topic-2", targetPort: "in" },
      'clean-1 has no output "rejects"; its outputs are out.',
    ],
    [
      { source: "topic-1", sourcePort: "out", target: "clean-1", targetPort: "table" },
      'clean-1 has no input "table"; its inputs are in.',
    ],
    [
      { source: "topic-1", sourcePort: "out", target: "gone-1", targetPort: "in" },
      "There is no node gone-1 in this pipeline.",
    ],
  ])("refuses %j with a sentence", (connection, sentence) => {
    expect(connect(frozen(loose), connection)).toEqual({ ok: false, sentence });
  });
});

describe("updateNode", () => {
  it("replaces a node's label and config and leaves the others", () => {
    const original = frozen(chain);
    const document = updateNode(original, "topic-3", { label: "Results", config: { topicName: "telemetry.alerts" } });
    expect(document.nodes[4]).toMatchObject({ label: "Results", config: { topicName: "telemetry.alerts" } });
    expect(document.nodes[0]).toBe(original.nodes[0]);
  });
});

describe("copy and paste", () => {
  it("pastes copies with fresh ids, offset, and their internal edges renamed", () => {
    const original = frozen(chain);
    const clipboard = copySelection(original, ["topic-2", "model-1", "topic-3"]);
    expect(clipboard.edges.map((edge) => edge.id)).toEqual(["edge-3", "edge-4"]);
    const { document, nodeIds } = paste(original, clipboard, { x: 40, y: 40 });
    expect(nodeIds).toEqual(["topic-4", "model-2", "topic-5"]);
    const copy = document.nodes.find((node) => node.id === "model-2")!;
    const source = chain.nodes.find((node) => node.id === "model-1")!;
    expect(copy.position).toEqual({ x: source.position.x + 40, y: source.position.y + 40 });
    expect(copy.config).toEqual(source.config);
    expect(document.edges.slice(4)).toEqual([
      { id: "edge-5", source: "topic-4", sourcePort: "out", target: "model-2", targetPort: "in" },
      { id: "edge-6", source: "model-2", sourcePort: "out", target: "topic-5", targetPort: "in" },
    ]);
  });

  it("pastes the same clipboard twice without clashing ids", () => {
    const clipboard = copySelection(chain, ["clean-1"]);
    const once = paste(chain, clipboard, { x: 10, y: 10 });
    const twice = paste(once.document, clipboard, { x: 20, y: 20 });
    expect([...once.nodeIds, ...twice.nodeIds]).toEqual(["clean-2", "clean-3"]);
  });
});
