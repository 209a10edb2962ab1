import "server-only";
import { DEFAULT_JSONATA_BUDGET } from "~/domain/jsonata/compile";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { compareRuns } from "~/domain/pipelines/engine/compare-runs";
import { jsonataCompiler } from "~/domain/pipelines/engine/jsonata-host";
import { memoryStateStore } from "~/domain/pipelines/engine/memory-state";
import { runDocument, type TEngineRun } from "~/domain/pipelines/engine/run-document";
import type { TStepHost } from "~/domain/pipelines/step-types";
import { RE2_ENGINE } from "~/server/services/expressions/re2-engine";
import { describeEdges } from "./edge-shapes";
import { modelLoader } from "./onnx-sessions";
import { topicValidators, type TTopicValidator } from "./topic-validators";
import type { TComparePart, TDryRunPart, TRunInputs } from "./worker-protocol";

/** Records kept per node and per edge for the inspector (the counts cover every record). */
const SAMPLE_LIMIT = 50;
const NO_TABLE: ReadonlyMap<string, unknown> = new Map();

/**
 * The hosts of one run: JSONata with the steps' budget on RE2, a fresh state store per node (so
 * stateful steps start empty and see the sample in order), the tables, schemas and models read
 * for this run. One host per node, however often the engine asks.
 */
function stepHosts(inputs: TRunInputs, validate: TTopicValidator): (nodeId: string) => TStepHost {
  const compile = jsonataCompiler(RE2_ENGINE, DEFAULT_JSONATA_BUDGET);
  const model = modelLoader(inputs.models);
  const table = (topic: string) => inputs.tables[topic] ?? NO_TABLE;
  const hosts = new Map<string, TStepHost>();
  return (nodeId) => {
    let host = hosts.get(nodeId);
    if (!host) {
      host = { compile, state: memoryStateStore(), table, validate, model };
      hosts.set(nodeId, host);
    }
    return host;
  };
}

function runOnce(document: TPipelineDocument, inputs: TRunInputs, validate: TTopicValidator): Promise<TEngineRun> {
  return runDocument(document, inputs.sources, stepHosts(inputs, validate), { sampleLimit: SAMPLE_LIMIT });
}

export async function dryRunJob(document: TPipelineDocument, inputs: TRunInputs): Promise<TDryRunPart> {
  const validate = topicValidators(inputs.schemas);
  const run = await runOnce(document, inputs, validate);
  const { edges, problems } = describeEdges(document, run, inputs.sources, validate);
  return { nodes: run.nodes, edges, deadLetters: run.deadLetters, problems, stoppedEarly: run.stoppedEarly };
}

/** Both revisions on the very same records, one after the other, each with its own state. */
export async function compareJob(
  documentA: TPipelineDocument,
  documentB: TPipelineDocument,
  inputs: TRunInputs,
): Promise<TComparePart> {
  const validate = topicValidators(inputs.schemas);
  const a = await runOnce(documentA, inputs, validate);
  const b = await runOnce(documentB, inputs, validate);
  const { topics, differences } = compareRuns(a, b, inputs.sources);
  return { topics, differences, stoppedEarly: a.stoppedEarly ?? b.stoppedEarly };
}
