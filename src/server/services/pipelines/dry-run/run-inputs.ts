import "server-only";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult, TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import type { TDryRunSource } from "~/domain/pipelines/pipeline-requests";
import { TABLE_PORT } from "~/domain/pipelines/step-types";
import { AppError } from "~/lib/app-error";
import { readPipelineModelBytes } from "~/server/db/pipeline-models";
import { findTopicSchema } from "~/server/db/topic-schemas";
import type { TRegisteredCluster } from "~/server/services/clusters/registered-clusters";
import { recordRead, type TAuditActor } from "../../audit/audited";
import { documentReads } from "./document-topics";
import { readEnrichTable } from "./enrich-tables";
import { readSample } from "./sampling";
import type { TRunInputs, TTopicSchemaText } from "./worker-protocol";

export type TPreparedRun = {
  inputs: TRunInputs;
  /** What was read, for the result. */
  read: TDryRunResult["inputs"];
  /** Sentences about what was read (a table cut short), shown on the nodes concerned. */
  problems: TPipelineProblem[];
};

/**
 * Everything a run needs, read on the main thread before the worker starts: the sample (without a
 * consumer group), the enrich tables, the topics' newest value schemas and the uploaded models.
 * Each topic whose records were read gets one audit row, like a browse; when the row cannot be
 * written, nothing is run and the sentence says why.
 */
export async function prepareRun(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  documents: readonly TPipelineDocument[],
  source: TDryRunSource,
  pipeline: string,
): Promise<TPreparedRun> {
  const reads = documentReads(documents);
  if (source.type === "latest" && reads.sources.length === 0) {
    throw new AppError(
      "BAD_INPUT",
      "This pipeline has no topic to read first: no topic is connected to a step's input.",
      "Connect a topic to a step, or type records to run on.",
    );
  }
  const [sample, tables, schemas, models] = await Promise.all([
    readSample(cluster, reads.sources, source),
    Promise.all(reads.tables.map((topic) => readEnrichTable(cluster, topic))),
    readSchemas(cluster.id, reads.topics),
    readPipelineModelBytes(reads.modelIds),
  ]);

  const readTopics = [
    ...(source.type === "typed" ? [] : sample.inputs.map((input) => ({ topic: input.topic, count: input.records }))),
    ...tables.map((table) => ({ topic: table.topic, count: table.records })),
  ];
  for (const { topic, count } of readTopics) {
    await recordRead({
      by,
      action: "pipelines.dry-run",
      clusterId: cluster.id,
      target: topic,
      details: { pipeline, source: source.type, count },
    });
  }

  const problems = tables.flatMap((table) => (table.cut ? tableProblems(documents, table.topic, table.cut) : []));
  return {
    inputs: {
      sources: sample.sources,
      tables: Object.fromEntries(tables.map((table) => [table.topic, table.values])),
      schemas,
      models,
    },
    read: sample.inputs,
    problems,
  };
}

/** Each topic's newest value schema, as its definition holds it (the runtime validates with these too). */
export async function readSchemas(clusterId: string, topics: readonly string[]): Promise<Record<string, TTopicSchemaText>> {
  const rows = await Promise.all(
    topics.map(async (topic) => [topic, await findTopicSchema(clusterId, topic)] as const),
  );
  const schemas: Record<string, TTopicSchemaText> = {};
  for (const [topic, row] of rows) {
    const newest = row?.versions.at(-1);
    if (row && newest) schemas[topic] = { format: row.format, version: newest.version, text: newest.text };
  }
  return schemas;
}

/** The table's sentence on every enrich step that joins with it. */
function tableProblems(documents: readonly TPipelineDocument[], topic: string, sentence: string): TPipelineProblem[] {
  const document = documents[0];
  if (!document) return [];
  const topicIds = new Set(
    document.nodes.filter((node) => node.kind === "topic" && node.config.topicName === topic).map((node) => node.id),
  );
  return document.edges
    .filter((edge) => edge.targetPort === TABLE_PORT && topicIds.has(edge.source))
    .map((edge) => ({ rule: "enrich-table", severity: "warning", nodeId: edge.target, edgeId: edge.id, sentence }));
}
