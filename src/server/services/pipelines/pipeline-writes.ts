import "server-only";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDetail, TPipelineProblem, TPipelineStatus } from "~/domain/pipelines/pipeline-dto";
import { checkPipeline, isDeployable } from "~/domain/pipelines/rules";
import { AppError } from "~/lib/app-error";
import { formatDuration } from "~/lib/format";
import {
  findNewestRevision,
  findPipeline,
  writePipelineDocument,
  type TNewestRevision,
  type TRevisionWrite,
} from "~/server/db/pipelines";
import { audited, type TAuditActor } from "../audit/audited";
import { topicNamesOf } from "./document-topics";
import { pipelineFacts } from "./facts-service";

/** Autosaves of one author within this long of their revision's start fold into it: the history shows edits, not keystrokes. */
export const AUTOSAVE_FOLD_MS = 10 * 60_000;

export function notFound(): AppError {
  return new AppError(
    "NOT_FOUND",
    "This pipeline does not exist any more.",
    "It may have been removed; open the list of pipelines.",
  );
}

export async function findPipelineOrFail(clusterId: string, pipelineId: string): Promise<TPipelineDetail> {
  const pipeline = await findPipeline(clusterId, pipelineId);
  if (!pipeline) throw notFound();
  return pipeline;
}

/**
 * Someone changed the pipeline after this editor opened it: say who and when, so that nobody's
 * work is silently overwritten. The time is UTC (the server does not know the reader's zone), with
 * the age beside it.
 */
export function conflictError(current: TPipelineDetail, by: TAuditActor, now = new Date()): AppError {
  const at = `${current.updatedAt.toISOString().slice(11, 16)} UTC, ${formatDuration(now.getTime() - current.updatedAt.getTime())} ago`;
  const who =
    current.updatedBy === by.actor.name
      ? `You changed this pipeline in another tab or window (at ${at})`
      : `${current.updatedBy} changed this pipeline at ${at}`;
  return new AppError(
    "CONFLICT",
    `${who}, after this editor opened it.`,
    "Reload to see their version; your changes are kept in this tab until you do.",
  );
}

export function refuseStale(current: TPipelineDetail, baseVersion: number, by: TAuditActor): void {
  if (current.version !== baseVersion) throw conflictError(current, by);
}

/** The rules' problems for a document, with the live facts of the topics it names. */
export async function problemsOf(clusterId: string, document: TPipelineDocument): Promise<TPipelineProblem[]> {
  return checkPipeline(document, await pipelineFacts({ clusterId, topics: topicNamesOf(document) }));
}

/**
 * A ready pipeline whose new document breaks a rule goes back to draft: "ready" promises a
 * deployable document. The returned detail's `status` is how the editor learns it (and tells the
 * user); the audit row's details say `status: "draft"`.
 */
async function statusAfter(current: TPipelineDetail, document: TPipelineDocument): Promise<TPipelineStatus> {
  if (current.status !== "ready") return current.status;
  return isDeployable(await problemsOf(current.clusterId, document)) ? "ready" : "draft";
}

/** An autosave folds into the newest revision when that one is the same author's autosave, started under 10 minutes ago. */
export function foldTarget(newest: TNewestRevision | null, by: TAuditActor, now: Date): number | null {
  if (!newest || newest.cause !== "autosave" || newest.createdBy !== by.actor.name) return null;
  return now.getTime() - newest.createdAt.getTime() < AUTOSAVE_FOLD_MS ? newest.revision : null;
}

export type TDocumentWrite = {
  cluster: TCluster;
  current: TPipelineDetail;
  baseVersion: number;
  document: TPipelineDocument;
  cause: "save" | "autosave" | "restore" | "import";
  restoredFrom?: number;
  action: "pipeline.save" | "pipeline.restore" | "pipeline.import";
  now?: Date;
};

/**
 * Writes a new document over `current`: refused as a conflict when someone else wrote since
 * `baseVersion` (checked here, and again atomically by the database), a new revision or an
 * autosave folded into the newest, the status back to draft when a rule now breaks.
 */
export async function writeDocument(by: TAuditActor, write: TDocumentWrite): Promise<TPipelineDetail> {
  const { cluster, current, baseVersion, document, cause } = write;
  refuseStale(current, baseVersion, by);
  const fold =
    cause === "autosave" ? foldTarget(await findNewestRevision(current.id), by, write.now ?? new Date()) : null;
  const status = await statusAfter(current, document);
  const revision: TRevisionWrite =
    fold === null ? { fold: null, cause, restoredFrom: write.restoredFrom ?? null } : { fold };
  const work = async () => {
    const written = await writePipelineDocument({
      pipelineId: current.id,
      baseVersion,
      document,
      status,
      revision,
      by: by.actor.name,
    });
    if (written !== "stale") return written;
    throw conflictError(await findPipelineOrFail(cluster.id, current.id), by);
  };
  // An autosave folding into the revision it already audited is not audited again: the editor
  // autosaves every few seconds, and the row that started the revision already names who and what.
  if (fold !== null) return work();
  return audited(
    {
      by,
      action: write.action,
      cluster,
      target: document.name,
      details: {
        pipelineId: current.id,
        cause,
        ...(write.restoredFrom === undefined ? {} : { restoredFrom: write.restoredFrom }),
        ...(status === current.status ? {} : { status }),
      },
    },
    work,
    { completion: (detail) => ({ revision: detail.revision, version: detail.version }) },
  );
}
