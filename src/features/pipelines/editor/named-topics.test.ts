import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { addNode, updateNode } from "~/domain/pipelines/edits";
import { namedTopics } from "./named-topics";

const blank: TPipelineDocument = {
  name: "chain",
  description: "",
  settings: { deliveryMode: "at-least-once", deadLetterTopic: "telemetry.dead", instances: 1, startFrom: "latest" },
  nodes: [],
  edges: [],
};

describe("namedTopics", () => {
  it("lists each topic node's topic once, with the dead-letter topic, sorted (the facts query's key)", () => {
    const first = addNode(blank, "topic", { x: 0, y: 0 });
    const second = addNode(first.document, "topic", { x: 0, y: 0 });
    const third = addNode(second.document, "filter", { x: 0, y: 0 });
    let document = updateNode(third.document, first.nodeId, { config: { topicName: "telemetry.raw" } });
    document = updateNode(document, second.nodeId, { config: { topicName: "telemetry.raw" } });
    expect(namedTopics(document)).toEqual(["telemetry.dead", "telemetry.raw"]);
  });
});
