import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { addNode, moveNodes, updateNode } from "~/domain/pipelines/edits";
import { sameStructure } from "./same-structure";

const blank: TPipelineDocument = {
  name: "chain",
  description: "",
  settings: { deliveryMode: "at-least-once", deadLetterTopic: null, instances: 1, startFrom: "latest" },
  nodes: [],
  edges: [],
};
const withTopic = addNode(blank, "topic", { x: 0, y: 0 });

describe("sameStructure", () => {
  it("treats a move as the same structure, so the rules need not run again", () => {
    const moved = moveNodes(withTopic.document, { [withTopic.nodeId]: { x: 50, y: 80 } });
    expect(moved).not.toBe(withTopic.document);
    expect(sameStructure(withTopic.document, moved)).toBe(true);
  });

  it("sees a new node, a changed config, a label and a setting", () => {
    const { document } = withTopic;
    expect(sameStructure(document, addNode(document, "filter", { x: 0, y: 0 }).document)).toBe(false);
    expect(sameStructure(document, updateNode(document, withTopic.nodeId, { config: { topicName: "t" } }))).toBe(false);
    expect(sameStructure(document, updateNode(document, withTopic.nodeId, { label: "raw" }))).toBe(false);
    expect(sameStructure(document, { ...document, settings: { ...document.settings, instances: 3 } })).toBe(false);
  });
});
