import "server-only";
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "~/domain/pipelines/document";
import type { TEngineRun, TSourceRecords } from "~/domain/pipelines/engine/run-document";
import type { TEdgeRun, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import type { TStepRecord } from "~/domain/pipelines/step-types";
import { inferJsonSchema } from "~/domain/schemas/infer-json-schema";
import type { TTopicValidator } from "./topic-validators";

/** Values that do not fit, listed per edge; the count covers them all. */
const MAX_MISFITS = 5;

const topicNameOf = (node: TPipelineNode | undefined): string | null =>
  node?.kind === "topic" ? node.config.topicName : null;

/**
 * Completes the engine's edges: the shape of what crossed each one (a JSON Schema inferred from
 * every value, not only the sampled ones), and for an edge into a topic with a value schema the
 * values that do not fit it, reported as an "output-schema" problem on the step that wrote them.
 */
export function describeEdges(
  document: TPipelineDocument,
  run: TEngineRun,
  sources: TSourceRecords,
  validate: TTopicValidator,
): { edges: Record<string, TEdgeRun>; problems: TPipelineProblem[] } {
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const edges: Record<string, TEdgeRun> = {};
  const problems: TPipelineProblem[] = [];
  for (const edge of document.edges) {
    const engineEdge = run.edges[edge.id] ?? emptyEdge(edge.id);
    const records = recordsAcross(document, edge, nodes, run, sources) ?? engineEdge.records;
    const described: TEdgeRun = {
      ...engineEdge,
      shape: records.length > 0 ? inferJsonSchema(records.map((record) => record.value)) : null,
      schemaMisfits: [],
      misfitCount: 0,
    };
    const target = topicNameOf(nodes.get(edge.target));
    if (target !== null && nodes.get(edge.source)?.kind !== "topic") {
      for (const record of records) {
        const reason = validate(target, record.value);
        if (reason === null) continue;
        described.misfitCount += 1;
        if (described.schemaMisfits.length < MAX_MISFITS) described.schemaMisfits.push({ record, reason });
      }
      const first = described.schemaMisfits[0];
      if (first) problems.push(misfitProblem(edge, target, described.misfitCount, records.length, first.reason));
    }
    edges[edge.id] = described;
  }
  return { edges, problems };
}

/**
 * Every record that crossed the edge, when the run's outputs say so exactly: out of a topic, all of
 * its records (read or written); into a topic, what was written there if this edge is its only
 * writer. Otherwise null, and the engine's sample of the edge stands in.
 */
function recordsAcross(
  document: TPipelineDocument,
  edge: TPipelineEdge,
  nodes: ReadonlyMap<string, TPipelineNode>,
  run: TEngineRun,
  sources: TSourceRecords,
): TStepRecord[] | null {
  const from = topicNameOf(nodes.get(edge.source));
  if (from !== null) return topicRecords(from, run, sources);
  const to = topicNameOf(nodes.get(edge.target));
  if (to === null) return null;
  const writers = document.edges.filter((other) => other.target === edge.target);
  return writers.length === 1 ? topicRecords(to, run, []) : null;
}

function topicRecords(topic: string, run: TEngineRun, sources: TSourceRecords): TStepRecord[] {
  const read = sources.filter((source) => source.topic === topic).flatMap((source) => source.records);
  const written = run.outputs.filter((output) => output.topic === topic).map((output) => output.record);
  return [...read, ...written];
}

function emptyEdge(edgeId: string): TEdgeRun {
  return { edgeId, count: 0, records: [], shape: null, schemaMisfits: [], misfitCount: 0 };
}

function misfitProblem(
  edge: TPipelineEdge,
  topic: string,
  misfits: number,
  total: number,
  firstReason: string,
): TPipelineProblem {
  const many = misfits === 1 ? "1 record" : `${misfits.toLocaleString("en-US")} records`;
  return {
    rule: "output-schema",
    severity: "error",
    nodeId: edge.source,
    edgeId: edge.id,
    sentence:
      `In the dry run, ${many} of ${total.toLocaleString("en-US")} this step wrote to ${topic} did not fit its value schema. ` +
      `The first: ${firstReason}`,
  };
}
