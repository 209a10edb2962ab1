import type { TTopicLayer } from "./definition";

/** Words in a topic name that say which layer it belongs to ("telemetry.raw", "orders-clean", "churn_scores"). */
const LAYER_WORDS: ReadonlyArray<[TTopicLayer, readonly string[]]> = [
  ["raw", ["raw", "ingest", "landing", "source"]],
  ["clean", ["clean", "cleaned", "validated", "curated"]],
  ["processed", ["processed", "enriched", "aggregated", "agg", "joined"]],
  ["results", ["results", "result", "predictions", "prediction", "scores", "scored", "model", "inference"]],
];

/** The layer an imported topic most likely belongs to, from the words of its name; "prototype" when none says. */
export function guessLayer(topicName: string): TTopicLayer {
  const words = new Set(topicName.toLowerCase().split(/[._\-]+/));
  for (const [layer, hints] of LAYER_WORDS) if (hints.some((hint) => words.has(hint))) return layer;
  return "prototype";
}
