import "server-only";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDetail, TPipelineProblem, TPipelineStatus } from "~/domain/pipelines/pipeline-dto";
import { checkPipeline, isDeployable } from "~/domain/pipelines/rules";
import { AppError } from "~/lib/app-error";
import { findNewestRevision, findPipeline, writePipelineDocument, type TRevisionWrite } from "~/server/db/pipelines";
import { audited, type TAuditActor } from "../audit/audited";
import { topicNamesOf } from "./document-topics";
import { pipelineFacts } from "./facts-service";
import { conflictError, foldTarget } from "./revision-policy";

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
