import { ZPipelineDocument, type TDeliveryMode, type TPipelineDocument } from "~/domain/pipelines/document";

/**
 * The pipelines the fault tests deploy. Every one starts from the earliest offset (the input is
 * produced before the runners start) and dead-letters into `<prefix>-dead`.
 */

const position = { x: 0, y: 0 };
const topic = (id: string, topicName: string) => ({ id, kind: "topic" as const, position, config: { topicName } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

export type TDocumentOptions = { deliveryMode: TDeliveryMode };

function document(
  name: string,
  prefix: string,
  options: TDocumentOptions,
  nodes: unknown[],
  edges: ReturnType<typeof edge>[],
): TPipelineDocument {
  return ZPipelineDocument.parse({
    name,
    settings: {
      deliveryMode: options.deliveryMode,
      deadLetterTopic: `${prefix}-dead`,
      instances: 1,
      startFrom: "earliest",
    },
    nodes,
    edges,
  });
}

/** Ids the map + filter chain lets through: every one but multiples of 10. */
export const passesFilter = (id: number) => id % 10 !== 0;

/**
 * Two steps: `<prefix>-raw` → scale (map: adds `scaled` = value × 10) → `<prefix>-mid` → keep
 * (filter: drops ids divisible by 10) → `<prefix>-out`.
 */
export function mapFilterDocument(prefix: string, name: string, options: TDocumentOptions): TPipelineDocument {
  return document(
    name,
    prefix,
    options,
    [
      topic("raw", `${prefix}-raw`),
      { id: "scale", kind: "map", position, config: { expression: '$merge([$, {"scaled": value * 10}])' } },
      topic("mid", `${prefix}-mid`),
      { id: "keep", kind: "filter", position, config: { predicate: "id % 10 != 0" } },
      topic("out", `${prefix}-out`),
    ],
    [edge("raw", "scale"), edge("scale", "mid"), edge("mid", "keep"), edge("keep", "out")],
  );
}

/**
 * Two stateful steps side by side on one input: a rolling z-score per key (→ `<prefix>-scores`)
 * and 1-second tumbling windows per key (→ `<prefix>-windows`), both on `value`.
 */
export function statefulDocument(prefix: string, name: string): TPipelineDocument {
  return document(
    name,
    prefix,
    { deliveryMode: "exactly-once" },
    [
      topic("raw", `${prefix}-raw`),
      {
        id: "score",
        kind: "model",
        position,
        config: { method: { type: "zscore", field: "value", windowSize: 20, threshold: 3 }, outputField: "zscore" },
      },
      topic("scores", `${prefix}-scores`),
      {
        id: "per-second",
        kind: "window",
        position,
        config: { window: { type: "tumbling", sizeMs: 1_000 }, field: "value", aggregates: ["count", "avg", "max"] },
      },
      topic("windows", `${prefix}-windows`),
    ],
    [edge("raw", "score"), edge("score", "scores"), edge("raw", "per-second"), edge("per-second", "windows")],
  );
}

/** The seeds' cleaning step then a map: malformed records go to `<prefix>-dead`, the rest to `<prefix>-out`. */
export function cleanMapDocument(prefix: string, name: string): TPipelineDocument {
  return document(
    name,
    prefix,
    { deliveryMode: "at-least-once" },
    [
      topic("raw", `${prefix}-raw`),
      {
        id: "clean",
        kind: "clean",
        position,
        config: { dropMalformed: true, coerce: [{ field: "value", to: "number" }] },
      },
      topic("clean-topic", `${prefix}-clean`),
      { id: "scale", kind: "map", position, config: { expression: '$merge([$, {"scaled": value * 10}])' } },
      topic("out", `${prefix}-out`),
    ],
    [edge("raw", "clean"), edge("clean", "clean-topic"), edge("clean-topic", "scale"), edge("scale", "out")],
  );
}
