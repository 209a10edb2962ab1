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

// CONTRACT PLACEHOLDER: the dry-run helper implements these.
const notYet = (): never => {
  throw new AppError("INTERNAL", "The dry run is being built.");
};

/** Runs the document's steps over real (or typed) records in a worker thread; nothing is written to Kafka. */
export async function dryRun(
  by: TAuditActor,
  input: z.output<typeof ZDryRunInput>,
  signal?: AbortSignal,
): Promise<TDryRunResult> {
  void by;
  void input;
  void signal;
  return notYet();
}

/** Runs two revisions over the same input records and reports where their outputs differ. */
export async function compareRevisions(
  by: TAuditActor,
  input: z.output<typeof ZCompareRevisionsInput>,
  signal?: AbortSignal,
): Promise<TRevisionComparison> {
  void by;
  void input;
  void signal;
  return notYet();
}

export type TExpressionPreview =
  { ok: true; resultJson: string } | { ok: false; sentence: string; position: number | null };

/** A JSONata field's result on a sample value, as it is typed (budgeted, in the worker). */
export async function previewExpression(input: z.output<typeof ZPreviewExpressionInput>): Promise<TExpressionPreview> {
  void input;
  return notYet();
}
