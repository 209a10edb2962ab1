import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "./document";
import type { TPipelineFacts, TTopicFacts } from "./pipeline-dto";
import { TEMPLATE_IDS } from "./pipeline-requests";
import { checkPipeline } from "./rules";
import { PIPELINE_TEMPLATES, TELEMETRY_DEAD_LETTER_TOPIC, templateById } from "./templates";

/** Facts as a cluster set up for the seeds would give them: every topic there, keyed, 3 partitions. */
function factsFor(topics: readonly string[]): TPipelineFacts {
  const layers: Record<string, TTopicFacts["layer"]> = {
    "telemetry.raw": "raw",
    "telemetry.clean": "clean",
    "telemetry.cpu": "clean",
    "telemetry.anomalies": "results",
    "telemetry.cpu-1m": "processed",
  };
  return {
    topics: Object.fromEntries(
      topics.map((topic) => [
        topic,
        {
          exists: true,
          partitions: 3,
          layer: layers[topic] ?? "raw",
          hasDefinition: true,
          keyed: true,
          keyDescription: "stream id (server-1-cpu)",
          compacted: false,
          hasSchema: false,
        },
      ]),
    ),
  };
}

const topicsOf = (id: (typeof TEMPLATE_IDS)[number]) =>
  templateById(id)
    .document("T")
    .nodes.flatMap((node) => (node.kind === "topic" ? [node.config.topicName] : []));

describe("templates", () => {
  it("offers one template per id the create form accepts", () => {
    expect(PIPELINE_TEMPLATES.map((template) => template.id).sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  it.each(PIPELINE_TEMPLATES.map((template) => [template.id, template] as const))(
    "%s is a valid document that keeps every rule on topics that exist, keyed, with 3 partitions",
    (id, template) => {
      const document = template.document("Seeds");
      expect(ZPipelineDocument.parse(document)).toEqual(document);
      const topics = [...topicsOf(id), TELEMETRY_DEAD_LETTER_TOPIC];
      expect(checkPipeline(document, factsFor(topics))).toEqual([]);
    },
  );

  it("chains the seeds: raw → clean → clean topic → z-score per stream → results, dead letters aside", () => {
    const document = templateById("telemetry-anomalies").document("Seeds");
    expect(topicsOf("telemetry-anomalies")).toEqual(["telemetry.raw", "telemetry.clean", "telemetry.anomalies"]);
    expect(document.nodes.map((node) => node.kind)).toEqual(["topic", "clean", "topic", "model", "topic"]);
    expect(document.settings.deadLetterTopic).toBe("telemetry.dead-letter");
    const model = document.nodes.find((node) => node.kind === "model");
    expect(model?.config.method).toMatchObject({ type: "zscore", field: "value" });
    const clean = document.nodes.find((node) => node.kind === "clean");
    expect(clean?.config).toMatchObject({ dropMalformed: true, coerce: [{ field: "value", to: "number" }] });
  });

  it("aggregates cpu per minute: tumbling 1 min avg, max, p95 into telemetry.cpu-1m", () => {
    const window = templateById("telemetry-windows")
      .document("Seeds")
      .nodes.find((node) => node.kind === "window");
    expect(window?.config).toMatchObject({
      window: { type: "tumbling", sizeMs: 60_000 },
      aggregates: ["avg", "max", "p95"],
    });
    expect(topicsOf("telemetry-windows").at(-1)).toBe("telemetry.cpu-1m");
  });

  it("lays the chains out left to right", () => {
    for (const id of ["telemetry-anomalies", "telemetry-windows"] as const) {
      const xs = templateById(id)
        .document("Seeds")
        .nodes.map((node) => node.position.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
    }
  });
});
