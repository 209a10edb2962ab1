/**
 * What a running step is given (its `TStepHost`), built with the dry run's own parts so that a step
 * behaves the same in both: JSONata on RE2 with the steps' budget, the topics' value schemas from
 * their definitions, uploaded models from the database, enrich tables kept current, and a state
 * store per input partition.
 */
import { DEFAULT_JSONATA_BUDGET } from "~/domain/jsonata/compile";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { jsonataCompiler } from "~/domain/pipelines/engine/jsonata-host";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { readPipelineModelBytes } from "~/server/db/pipeline-models";
import type { TRegisteredCluster } from "~/server/services/clusters/registered-clusters";
import { RE2_ENGINE } from "~/server/services/expressions/re2-engine";
import { documentReads } from "~/server/services/pipelines/dry-run/document-topics";
import { modelLoader } from "~/server/services/pipelines/dry-run/onnx-sessions";
import { readSchemas } from "~/server/services/pipelines/dry-run/run-inputs";
import { topicValidators } from "~/server/services/pipelines/dry-run/topic-validators";
import type { TSharedHost } from "./build-step";
import type { TEnrichTables } from "./enrich-tables";

/**
 * Reads what the step needs from PostgreSQL once per member start: a schema or model changed
 * later reaches the step on its next restart (a redeploy restarts what changed).
 */
export async function sharedHost(
  cluster: TRegisteredCluster,
  document: TPipelineDocument,
  step: TDeployedStep,
  tables: TEnrichTables,
): Promise<TSharedHost> {
  const reads = documentReads([document]);
  const modelIds =
    step.node.kind === "model" && step.node.config.method.type === "onnx" ? [step.node.config.method.modelId] : [];
  const [schemas, models] = await Promise.all([
    readSchemas(cluster.id, reads.topics),
    readPipelineModelBytes(modelIds),
  ]);
  return {
    compile: jsonataCompiler(RE2_ENGINE, DEFAULT_JSONATA_BUDGET),
    validate: topicValidators(schemas),
    model: modelLoader(models),
    table: (topic) => tables.current(cluster.id, topic),
  };
}
