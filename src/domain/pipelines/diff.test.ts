import { describe, expect, it } from "vitest";
import { diffDocuments } from "./diff";
import type { TPipelineDocument, TPipelineNode } from "./document";
import { PIPELINE_TEMPLATES } from "./templates";

const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");

function mapNode(
  document: TPipelineDocument,
  id: string,
  update: (node: TPipelineNode) => TPipelineNode,
): TPipelineDocument {
  return { ...document, nodes: document.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

describe("diffDocuments", () => {
  it("finds nothing between a document and itself", () => {
    expect(diffDocuments(chain, structuredClone(chain))).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [] },
      settings: [],
      nameChanged: false,
      descriptionChanged: false,
    });
  });

  it("names the config fields that changed, not the position of an edited node", () => {
    const after = mapNode(chain, "model-1", (node) =>
      node.kind === "model" && node.config.method.type === "zscore"
        ? {
            ...node,
            label: "Spikes",
            position: { x: 1, y: 1 },
            config: { ...node.config, method: { ...node.config.method, threshold: 4 } },
          }
        : node,
    );
    expect(diffDocuments(chain, after).nodes.changed).toEqual([
      { id: "model-1", fields: ["label", "config.method.threshold"] },
    ]);
  });

  it("lists a node that was only moved with the field position", () => {
    const after = mapNode(chain, "topic-1", (node) => ({ ...node, position: { x: -100, y: 0 } }));
    expect(diffDocuments(chain, after).nodes.changed).toEqual([{ id: "topic-1", fields: ["position"] }]);
  });

  it("lists added and removed nodes and edges, matching edges by what they join", () => {
    const after: TPipelineDocument = {
      ...chain,
      nodes: [...chain.nodes.filter((node) => node.id !== "topic-3"), { ...chain.nodes[4]!, id: "topic-9" }],
      edges: [
        ...chain.edges.filter((edge) => edge.id !== "edge-4").map((edge) => ({ ...edge, id: `renamed-${edge.id}` })),
        { id: "edge-4", source: "model-1", sourcePort: "out", target: "topic-9", targetPort: "in" },
      ],
    };
    const diff = diffDocuments(chain, after);
    expect(diff.nodes).toEqual({ added: ["topic-9"], removed: ["topic-3"], changed: [] });
    expect(diff.edges).toEqual({ added: ["edge-4"], removed: ["edge-4"] });
  });

  it("lists changed settings, name and description", () => {
    const after = { ...chain, name: "Renamed", settings: { ...chain.settings, instances: 3, deadLetterTopic: null } };
    expect(diffDocuments(chain, after)).toMatchObject({
      settings: ["deadLetterTopic", "instances"],
      nameChanged: true,
      descriptionChanged: false,
    });
  });
});
