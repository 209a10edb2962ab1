/**
 * Ready-made pipelines from the seeds, to adapt: the raw → clean → model → results chain over the
 * simulator's `telemetry.raw` (values `{ server, metric, value, unit, timestamp }`, keyed by stream
 * id such as `server-1-cpu`), and a windowed aggregate. Laid out left to right by `autoLayout`.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import { autoLayout } from "./layout";
import type { TTemplateId } from "./pipeline-requests";

export type TTemplate = {
  id: TTemplateId;
  title: string;
  description: string;
  document: (name: string) => TPipelineDocument;
};

/** Where the seeds' steps send what they cannot process, with the reason in a header. */
export const TELEMETRY_DEAD_LETTER_TOPIC = "telemetry.dead-letter";

const at = { x: 0, y: 0 };

function topic(id: string, topicName: string): TPipelineNode {
  return { id, kind: "topic", label: "", position: at, config: { topicName } };
}

function chain(ids: readonly string[]): TPipelineEdge[] {
  return ids.slice(1).map((target, index) => ({
    id: `edge-${index + 1}`,
    source: ids[index]!,
    sourcePort: "out",
    target,
    targetPort: "in",
  }));
}

function pipeline(
  name: string,
  description: string,
  nodes: TPipelineNode[],
  deadLetterTopic: string | null,
): TPipelineDocument {
  return autoLayout({
    name,
    description,
    settings: { deliveryMode: "at-least-once", deadLetterTopic, instances: 1, startFrom: "latest" },
    nodes,
    edges: chain(nodes.map((node) => node.id)),
  });
}

const telemetryAnomalies: TTemplate = {
  id: "telemetry-anomalies",
  title: "Telemetry anomalies",
  description:
    "The seeds' chain: raw sensor readings are cleaned (malformed records to the dead-letter topic, value as a number), then a rolling z-score per stream id flags anomalies into a results topic.",
  document: (name) =>
    pipeline(
      name,
      "telemetry.raw → clean → telemetry.clean → rolling z-score per stream id → telemetry.anomalies.",
      [
        topic("topic-1", "telemetry.raw"),
        {
          id: "clean-1",
          kind: "clean",
          label: "Drop malformed, coerce value",
          position: at,
          config: {
            dropMalformed: true,
            dropFields: [],
            dropNulls: false,
            coerce: [{ field: "value", to: "number" }],
            dedupeWindowMs: null,
            validateAgainstSchema: false,
          },
        },
        topic("topic-2", "telemetry.clean"),
        {
          id: "model-1",
          kind: "model",
          label: "Anomalies per stream",
          position: at,
          config: { method: { type: "zscore", field: "value", windowSize: 30, threshold: 3 }, outputField: "zscore" },
        },
        topic("topic-3", "telemetry.anomalies"),
      ],
      TELEMETRY_DEAD_LETTER_TOPIC,
    ),
};

const telemetryWindows: TTemplate = {
  id: "telemetry-windows",
  title: "CPU per minute",
  description:
    "A windowed aggregate: the cpu readings of telemetry.raw, per stream id, as 1-minute tumbling windows with their average, maximum and 95th percentile.",
  document: (name) =>
    pipeline(
      name,
      "telemetry.raw → cpu readings → telemetry.cpu → 1-minute tumbling avg, max, p95 per stream id → telemetry.cpu-1m.",
      [
        topic("topic-1", "telemetry.raw"),
        {
          id: "filter-1",
          kind: "filter",
          label: "CPU readings",
          position: at,
          config: { predicate: 'metric = "cpu"' },
        },
        topic("topic-2", "telemetry.cpu"),
        {
          id: "window-1",
          kind: "window",
          label: "Per minute",
          position: at,
          config: {
            window: { type: "tumbling", sizeMs: 60_000 },
            field: "value",
            aggregates: ["avg", "max", "p95"],
            graceMs: 0,
          },
        },
        topic("topic-3", "telemetry.cpu-1m"),
      ],
      TELEMETRY_DEAD_LETTER_TOPIC,
    ),
};

const blank: TTemplate = {
  id: "blank",
  title: "Blank",
  description: "An empty canvas: drag topics and steps from the palette.",
  document: (name) => pipeline(name, "", [], null),
};

export const PIPELINE_TEMPLATES: readonly TTemplate[] = [blank, telemetryAnomalies, telemetryWindows];

export function templateById(id: TTemplateId): TTemplate {
  return PIPELINE_TEMPLATES.find((template) => template.id === id) ?? blank;
}
