import { describe, expect, it } from "vitest";
import { autoLayout, layeredLayout, LAYOUT_NODE_WIDTH } from "./layout";
import { PIPELINE_TEMPLATES } from "./templates";

const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");

describe("autoLayout", () => {
  it("lays raw out left of results, each rank a node's width apart at least, keeping ids and configs", () => {
    // Scrambled on purpose: results first, raw last.
    const scrambled = {
      ...chain,
      nodes: [...chain.nodes].reverse().map((node, index) => ({ ...node, position: { x: index * 10, y: 0 } })),
    };
    const laidOut = autoLayout(scrambled);
    const x = (id: string) => laidOut.nodes.find((node) => node.id === id)!.position.x;
    const order = ["topic-1", "clean-1", "topic-2", "model-1", "topic-3"];
    for (let index = 1; index < order.length; index++) {
      expect(x(order[index]!) - x(order[index - 1]!)).toBeGreaterThanOrEqual(LAYOUT_NODE_WIDTH);
    }
    expect(laidOut.nodes.map(({ id, config }) => ({ id, config }))).toEqual(
      scrambled.nodes.map(({ id, config }) => ({ id, config })),
    );
    expect(laidOut.edges).toBe(scrambled.edges);
  });

  it("places branches apart instead of on top of each other", () => {
    const branched = {
      ...chain,
      edges: [
        ...chain.edges,
        { id: "edge-5", source: "topic-1", sourcePort: "out", target: "model-1", targetPort: "in" },
      ],
    };
    const positions = autoLayout(branched).nodes.map((node) => `${node.position.x},${node.position.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });
});

describe("layeredLayout (dagre's fallback for very deep graphs)", () => {
  it("puts each node right of the nodes feeding it, even around a cycle", () => {
    const looped = {
      ...chain,
      nodes: [...chain.nodes].reverse(),
      edges: [
        ...chain.edges,
        { id: "back", source: "topic-3", sourcePort: "out", target: "clean-1", targetPort: "in" },
      ],
    };
    const laidOut = layeredLayout(looped);
    const x = (id: string) => laidOut.nodes.find((node) => node.id === id)!.position.x;
    expect(x("topic-1")).toBe(0);
    expect(x("clean-1")).toBeGreaterThan(x("topic-1"));
    expect(x("topic-2")).toBeGreaterThan(x("clean-1"));
    expect(x("topic-3")).toBeGreaterThan(x("model-1"));
  });

  it("stacks nodes of one rank instead of covering one another", () => {
    const twoSources = {
      ...chain,
      nodes: [
        ...chain.nodes,
        {
          id: "topic-9",
          kind: "topic" as const,
          label: "",
          position: { x: 0, y: 0 },
          config: { topicName: "telemetry.extra" },
        },
      ],
    };
    const positions = layeredLayout(twoSources).nodes.map((node) => `${node.position.x},${node.position.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });
});
