import "server-only";
import type { TSchemaFormat } from "~/domain/definitions/definition";
import type { TSourceRecords } from "~/domain/pipelines/engine/run-document";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult, TPipelineModel, TRevisionComparison } from "~/domain/pipelines/pipeline-dto";

/**
 * What the server sends the dry-run worker and what it answers (structured clone: plain data,
 * Uint8Arrays and Maps travel; functions and class instances do not). Everything a run needs is
 * read on the main thread beforehand — Kafka records, enrich tables, schema texts, model bytes —
 * so the worker holds no connection, no secret and no environment.
 */

/** A topic's newest value schema, compiled in the worker for `host.validate` and the misfit check. */
export type TTopicSchemaText = { format: TSchemaFormat; version: number; text: string };

export type TModelBytes = { id: string; sha256: string; bytes: Uint8Array };

/** The records and side data one run (or both runs of a comparison) works on. */
export type TRunInputs = {
  sources: TSourceRecords;
  /** Enrich tables: the latest value per key of each table topic. */
  tables: Record<string, Map<string, unknown>>;
  /** By topic name; topics without a value schema are absent. */
  schemas: Record<string, TTopicSchemaText>;
  /** The uploaded models the documents' ONNX steps name (missing ids are absent). */
  models: TModelBytes[];
};

export type TExpressionPreview =
  | {
      ok: true;
      /** The result as JSON text, cut at 64 KiB; "" when the expression yields nothing for the sample. */
      resultJson: string;
    }
  | { ok: false; sentence: string; position: number | null };

export type TModelInspection =
  { ok: true; inputs: TPipelineModel["inputs"]; outputs: TPipelineModel["outputs"] } | { ok: false; sentence: string };

export type TWorkerJob =
  | { type: "dry-run"; document: TPipelineDocument; inputs: TRunInputs }
  | { type: "compare"; documentA: TPipelineDocument; documentB: TPipelineDocument; inputs: TRunInputs }
  | { type: "preview"; expression: string; sample: string; result: "predicate" | "value" }
  | { type: "inspect-model"; bytes: Uint8Array };

/** The worker's part of a dry run: everything but what the server read (inputs) and the time it took. */
export type TDryRunPart = Omit<TDryRunResult, "inputs" | "elapsedMs">;
export type TComparePart = Pick<TRevisionComparison, "topics" | "differences" | "stoppedEarly">;

export type TJobResult<TJob extends TWorkerJob> = TJob extends { type: "dry-run" }
  ? TDryRunPart
  : TJob extends { type: "compare" }
    ? TComparePart
    : TJob extends { type: "preview" }
      ? TExpressionPreview
      : TModelInspection;

export type TWorkerRequest = { id: number; job: TWorkerJob };

/** `sentence` when the job failed in a way the user should read (never a stack). */
export type TWorkerAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; sentence: string };

export type TWorkerReady = { type: "ready" };
