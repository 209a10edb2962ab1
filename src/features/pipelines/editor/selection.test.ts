import { describe, expect, it } from "vitest";
import { applySelectChanges, pruneSelection, selectNodes } from "./selection";

describe("canvas selection", () => {
  it("adds and removes what React Flow reports, keeping nodes and edges apart", () => {
    const start = selectNodes(["clean-1"]);
    const next = applySelectChanges(
      start,
      [
        { id: "clean-1", selected: false },
        { id: "model-1", selected: true },
      ],
      "nodes",
    );
    expect([...next.nodes]).toEqual(["model-1"]);
    const withEdge = applySelectChanges(next, [{ id: "clean-1", selected: true }], "edges");
    expect([...withEdge.edges]).toEqual(["clean-1"]);
    expect([...withEdge.nodes]).toEqual(["model-1"]);
  });

  it("drops ids that left the document (undo, removal), and keeps the same object otherwise", () => {
    const selection = { nodes: new Set(["a", "b"]), edges: new Set(["e1"]) };
    expect(pruneSelection(selection, new Set(["a", "b"]), new Set(["e1"]))).toBe(selection);
    const pruned = pruneSelection(selection, new Set(["a"]), new Set());
    expect([...pruned.nodes]).toEqual(["a"]);
    expect(pruned.edges.size).toBe(0);
  });
});
