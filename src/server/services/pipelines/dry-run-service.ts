import "server-only";
import type { z } from "zod";
import type { TDryRunResult, TRevisionComparison } from "~/domain/pipelines/pipeline-dto";
import type {
  ZCompareRevisionsInput,
  ZDryRunInput,
  ZPreviewExpressionInput,
} from "~/domain/pipelines/pipeline-requests";
import { AppError } from "~/lib/app-error";
import type { TAuditActor } from "../audit/audited";
import { getCluster } from "../clusters/registered-clusters";
import { prepareRun } from "./dry-run/run-inputs";
import { dryRunPool } from "./dry-run/worker-pool";
import type { TExpressionPreview } from "./dry-run/worker-protocol";
import { getRevision } from "./pipelines-service";

export type { TExpressionPreview } from "./dry-run/worker-protocol";

/** Wall-clock budget of a dry run in the worker (the reads before it are Kafka's own timeouts). */
const RUN_DEADLINE_MS = 30_000;
/** Both revisions of a comparison run in one job. */
const COMPARE_DEADLINE_MS = 60_000;
/** A preview answers as the user types: jsonata's own budget is 250 ms; this stops what that check cannot. */
const PREVIEW_DEADLINE_MS = 2_000;

/** Runs the document's steps over real (or typed) records in a worker process; nothing is written to Kafka. */
export async function dryRun(
  by: TAuditActor,
  input: z.output<typeof ZDryRunInput>,
  signal?: AbortSignal,
): Promise<TDryRunResult> {
  const startedAt = Date.now();
  const cluster = await getCluster(input.clusterId);
  const prepared = await prepareRun(by, cluster, [input.document], input.source, input.document.name);
  const outcome = await dryRunPool().run(
    { type: "dry-run", document: input.document, inputs: prepared.inputs },
    { deadlineMs: RUN_DEADLINE_MS, signal, what: "the dry run" },
  );
  if (outcome.kind === "failed") throw new AppError("BAD_INPUT", outcome.sentence);
  const elapsedMs = Date.now() - startedAt;
  if (outcome.kind === "stopped") {
    return {
      inputs: prepared.read,
      nodes: {},
      edges: {},
      deadLetters: [],
      problems: prepared.problems,
      elapsedMs,
      stoppedEarly: outcome.sentence,
    };
  }
  const { result } = outcome;
  return { ...result, inputs: prepared.read, problems: [...prepared.problems, ...result.problems], elapsedMs };
}

/** Runs two revisions over the same input records and reports where their outputs differ. */
export async function compareRevisions(
  by: TAuditActor,
  input: z.output<typeof ZCompareRevisionsInput>,
  signal?: AbortSignal,
): Promise<TRevisionComparison> {
  const { clusterId, pipelineId, revisionA, revisionB } = input;
  const [a, b] = await Promise.all([
    getRevision({ clusterId, pipelineId, revision: revisionA }),
    getRevision({ clusterId, pipelineId, revision: revisionB }),
  ]);
  const cluster = await getCluster(clusterId);
  // One read for both: the comparison is only fair on the very same records.
  const prepared = await prepareRun(by, cluster, [a.document, b.document], input.source, b.document.name);
  const outcome = await dryRunPool().run(
    { type: "compare", documentA: a.document, documentB: b.document, inputs: prepared.inputs },
    { deadlineMs: COMPARE_DEADLINE_MS, signal, what: "the comparison" },
  );
  if (outcome.kind === "failed") throw new AppError("BAD_INPUT", outcome.sentence);
  const base = { revisionA, revisionB, inputs: prepared.read };
  if (outcome.kind === "stopped") return { ...base, topics: [], differences: [], stoppedEarly: outcome.sentence };
  return { ...base, ...outcome.result };
}

/** A JSONata field's result on a sample value, as it is typed (budgeted, in the worker). */
export async function previewExpression(input: z.output<typeof ZPreviewExpressionInput>): Promise<TExpressionPreview> {
  const outcome = await dryRunPool().run(
    { type: "preview", expression: input.expression, sample: input.sample, result: input.result },
    { deadlineMs: PREVIEW_DEADLINE_MS, what: "the expression" },
  );
  if (outcome.kind === "done") return outcome.result;
  return { ok: false, sentence: outcome.sentence, position: null };
}
