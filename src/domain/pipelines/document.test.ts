import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "./document";

const topic = (id: string, topicName: string) => ({
  id,
  kind: "topic",
  position: { x: 0, y: 0 },
  config: { topicName },
});
const edge = (id: string, source: string, target: string) => ({ id, source, target });

describe("a pipeline document refuses ids used twice, since everything finds nodes and edges by id", () => {
  it.each([
    {
      case: "two nodes with one id",
      nodes: [topic("topic-1", "a"), topic("topic-1", "b")],
      edges: [],
      issue: {
        path: ["nodes", 1, "id"],
        message: "The id topic-1 is also used by nodes[0]; give each one its own id.",
      },
    },
    {
      case: "two edges with one id",
      nodes: [topic("topic-1", "a"), topic("topic-2", "b"), topic("topic-3", "c")],
      edges: [edge("edge-1", "topic-1", "topic-2"), edge("edge-1", "topic-2", "topic-3")],
      issue: { path: ["edges", 1, "id"], message: "The id edge-1 is also used by edges[0]; give each one its own id." },
    },
  ])("$case", ({ nodes, edges, issue }) => {
    const parsed = ZPipelineDocument.safeParse({ name: "p", nodes, edges });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining(issue)]);
  });

  it("accepts a node and an edge that share an id, and distinct ids", () => {
    const parsed = ZPipelineDocument.safeParse({
      name: "p",
      nodes: [topic("topic-1", "a"), topic("topic-2", "b")],
      edges: [edge("topic-1", "topic-1", "topic-2")],
    });
    expect(parsed.success).toBe(true);
  });
});
