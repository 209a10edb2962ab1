import { describe, expect, it } from "vitest";
import { diffDocuments } from "~/domain/pipelines/diff";
import { ZPipelineDocument } from "~/domain/pipelines/document";
import { diffCanvas, documentNodeId, removedId } from "./diff-canvas";
import { diffLines } from "./diff-sentences";
import { scoringDocument } from "./test-documents";

const older = scoringDocument(3);
// The newer revision: a lower threshold, the results topic replaced by an alerts topic, raw moved.
const newer = ZPipelineDocument.parse({
  ...scoringDocument(2.5),
  nodes: [
    ...scoringDocument(2.5)
      .nodes.filter((node) => node.id !== "results")
      .map((node) => (node.id === "raw" ? { ...node, position: { x: 0, y: 80 } } : node)),
    { id: "alerts", kind: "topic", position: { x: 500, y: 0 }, config: { topicName: "telemetry.alerts" } },
  ],
  edges: [
    { id: "e-raw-model", source: "raw", target: "model-1" },
    { id: "e-model-alerts", source: "model-1", target: "alerts" },
  ],
});

describe("the revisions diff canvas", () => {
  const diff = diffDocuments(older, newer);
  const { nodes, edges } = diffCanvas(older, newer, diff);
  const mark = (id: string) => nodes.find((node) => node.id === id)?.data.diff;

  it("marks added, changed and removed nodes, and leaves moved ones unmarked", () => {
    expect(mark("alerts")).toBe("added");
    expect(mark("model-1")).toBe("changed");
    expect(mark(removedId("results"))).toBe("removed");
    expect(mark("raw")).toBeNull();
  });

  it("draws a removed node where the older revision had it, and its edge to it", () => {
    expect(nodes.find((node) => node.id === removedId("results"))?.position).toEqual({ x: 500, y: 0 });
    expect(edges.find((edge) => edge.data?.diff === "removed")).toMatchObject({
      source: "model-1",
      target: removedId("results"),
    });
    expect(edges.find((edge) => edge.id === "e-model-alerts")?.data?.diff).toBe("added");
    expect(documentNodeId(removedId("results"))).toBe("results");
  });

  it("lists the changes as sentences with old and new values", () => {
    expect(diffLines(older, newer, diff).map((line) => line.text)).toEqual([
      "Added Topic “telemetry.alerts” (alerts).",
      "Removed Topic “telemetry.anomalies” (results).",
      "Moved Topic “telemetry.raw” (raw).",
      "Changed Model model-1: method.threshold 3 → 2.5.",
      "Connected Model model-1 to Topic “telemetry.alerts” (alerts).",
      "Disconnected Model model-1 from Topic “telemetry.anomalies” (results).",
    ]);
  });

  it("finds nothing between a revision and itself", () => {
    const same = diffDocuments(older, older);
    expect(diffLines(older, older, same)).toEqual([]);
    expect(diffCanvas(older, older, same).nodes.every((node) => !node.data.diff)).toBe(true);
  });
});
