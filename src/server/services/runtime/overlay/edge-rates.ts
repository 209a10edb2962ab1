import "server-only";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { INPUT_PORT } from "~/domain/pipelines/step-types";
import type { TMemberRates } from "./member-rates";

/**
 * Records per second on each edge of the deployed document (steps sit between topics). A topic's
 * edge into a step's input carries what the step reads; a step's edge out of port P carries what it
 * writes on P — to the one topic the runner writes P to (deployedSteps' first). An enrich step's
 * table edge carries no rate: the table is read whole, not as a stream of the step.
 */
export function edgeRates(
  document: TPipelineDocument,
  steps: ReadonlyMap<string, { step: TDeployedStep; rates: TMemberRates }>,
): Record<string, { rate: number }> {
  const topicOf = new Map(
    document.nodes.flatMap((node) => (node.kind === "topic" ? [[node.id, node.config.topicName] as const] : [])),
  );
  const result: Record<string, { rate: number }> = {};
  for (const edge of document.edges) {
    const into = steps.get(edge.target);
    const outOf = steps.get(edge.source);
    const fromTopic = topicOf.get(edge.source);
    const toTopic = topicOf.get(edge.target);
    let rate = 0;
    if (into && fromTopic !== undefined && edge.targetPort === INPUT_PORT && fromTopic === into.step.inputTopic) {
      rate = into.rates.consumed;
    } else if (outOf && toTopic !== undefined && toTopic === outOf.step.outputTopics[edge.sourcePort]) {
      rate = outOf.rates.ports[edge.sourcePort] ?? 0;
    }
    result[edge.id] = { rate };
  }
  return result;
}
