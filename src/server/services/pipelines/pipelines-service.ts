import "server-only";
import type { z } from "zod";
import type {
  TPipelineDetail,
  TPipelineProblem,
  TPipelineSummary,
  TRevisionDetail,
  TRevisionSummary,
} from "~/domain/pipelines/pipeline-dto";
import type {
  ZPipelineCreateInput,
  ZPipelineListInput,
  ZPipelineRef,
  ZPipelineSaveInput,
  ZPipelineStatusInput,
  ZRestoreInput,
  ZRevisionRef,
} from "~/domain/pipelines/pipeline-requests";
import { isDeployable } from "~/domain/pipelines/rules";
import { AppError } from "~/lib/app-error";
import {
  deletePipeline,
  findRevision,
  insertPipeline,
  listPipelineRows,
  listRevisionRows,
  writePipelineStatus,
} from "~/server/db/pipelines";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { sourcesAndSinks } from "./document-topics";
import { documentFromTemplate } from "./pipeline-templates";
import { findPipelineOrFail, problemsOf, refuseStale, writeDocument } from "./pipeline-writes";
import { conflictError } from "./revision-policy";

/** Every pipeline of the cluster, by name, with the topics it starts and ends at. */
export async function listPipelines(input: z.output<typeof ZPipelineListInput>): Promise<TPipelineSummary[]> {
  await getCluster(input.clusterId);
  const rows = await listPipelineRows(input.clusterId);
  return rows.map(({ document, ...row }) => ({
    ...row,
    name: document.name,
    description: document.description,
    nodeCount: document.nodes.length,
    ...sourcesAndSinks(document),
  }));
}

export async function getPipeline(input: z.output<typeof ZPipelineRef>): Promise<TPipelineDetail> {
  return findPipelineOrFail(input.clusterId, input.pipelineId);
}

/** A new draft from a template (revision 1, cause "create"); the name is unique in the cluster. */
export async function createPipeline(
  by: TAuditActor,
  input: z.output<typeof ZPipelineCreateInput>,
): Promise<TPipelineDetail> {
  const cluster = await getClusterForChange(input.clusterId);
  const document = documentFromTemplate(input.template, input.name, input.description);
  return audited(
    { by, action: "pipeline.create", cluster, target: document.name, details: { template: input.template } },
    () => insertPipeline(cluster.id, document, "create", by.actor.name),
    { completion: (detail) => ({ pipelineId: detail.id }) },
  );
}

/**
 * Saves the editor's document. Refused as a conflict when someone else changed the pipeline since
 * `baseVersion`. A ready pipeline whose document now breaks a rule comes back as draft.
 * `options.now` lets a test stand 10 minutes later without waiting.
 */
export async function savePipeline(
  by: TAuditActor,
  input: z.output<typeof ZPipelineSaveInput>,
  options: { now?: Date } = {},
): Promise<TPipelineDetail> {
  const cluster = await getClusterForChange(input.clusterId);
  const current = await findPipelineOrFail(input.clusterId, input.pipelineId);
  return writeDocument(by, {
    cluster,
    current,
    baseVersion: input.baseVersion,
    document: input.document,
    cause: input.cause,
    action: "pipeline.save",
    now: options.now,
  });
}

/** At most this many broken rules are spelled out in the refusal; the canvas shows them all. */
const LISTED_PROBLEMS = 8;

function notReadyError(errors: TPipelineProblem[]): AppError {
  const listed = errors.slice(0, LISTED_PROBLEMS).map((problem) => problem.sentence);
  const more = errors.length > LISTED_PROBLEMS ? ` And ${errors.length - LISTED_PROBLEMS} more.` : "";
  return new AppError(
    "BAD_INPUT",
    `This pipeline cannot be marked ready to deploy while it breaks a rule: ${listed.join(" ")}${more}`,
    "Fix the problems shown on the canvas; it stays saved as a draft meanwhile.",
  );
}

/** "ready" is refused (with the broken rules as sentences) while the rules find an error; "draft" always works. */
export async function setPipelineStatus(
  by: TAuditActor,
  input: z.output<typeof ZPipelineStatusInput>,
): Promise<TPipelineDetail> {
  const cluster = await getClusterForChange(input.clusterId);
  const current = await findPipelineOrFail(input.clusterId, input.pipelineId);
  refuseStale(current, input.baseVersion, by);
  if (input.status === "ready") {
    const problems = await problemsOf(cluster.id, current.document);
    if (!isDeployable(problems)) throw notReadyError(problems.filter((problem) => problem.severity === "error"));
  }
  return audited(
    {
      by,
      action: "pipeline.status",
      cluster,
      target: current.document.name,
      details: { pipelineId: current.id, status: input.status },
    },
    async () => {
      const written = await writePipelineStatus(current.id, input.baseVersion, input.status, by.actor.name);
      if (written !== "stale") return written;
      throw conflictError(await findPipelineOrFail(cluster.id, current.id), by);
    },
  );
}

/** Removes the pipeline with its revisions. Topics and definitions stay. */
export async function removePipeline(by: TAuditActor, input: z.output<typeof ZPipelineRef>): Promise<void> {
  const cluster = await getClusterForChange(input.clusterId);
  const current = await findPipelineOrFail(input.clusterId, input.pipelineId);
  await audited(
    { by, action: "pipeline.remove", cluster, target: current.document.name, details: { pipelineId: current.id } },
    async () => {
      if (!(await deletePipeline(cluster.id, current.id))) {
        throw new AppError("NOT_FOUND", "This pipeline was removed already.", "Open the list of pipelines.");
      }
    },
  );
}

/** The history, newest first. */
export async function listRevisions(input: z.output<typeof ZPipelineRef>): Promise<TRevisionSummary[]> {
  const pipeline = await findPipelineOrFail(input.clusterId, input.pipelineId);
  return listRevisionRows(pipeline.id);
}

export async function getRevision(input: z.output<typeof ZRevisionRef>): Promise<TRevisionDetail> {
  const pipeline = await findPipelineOrFail(input.clusterId, input.pipelineId);
  const revision = await findRevision(pipeline.id, input.revision);
  if (!revision) {
    throw new AppError(
      "NOT_FOUND",
      `This pipeline has no revision ${input.revision}.`,
      `Its newest is revision ${pipeline.revision}.`,
    );
  }
  return revision;
}

/** Brings an earlier revision's document back as a new revision (cause "restore"); the history keeps everything. */
export async function restoreRevision(
  by: TAuditActor,
  input: z.output<typeof ZRestoreInput>,
): Promise<TPipelineDetail> {
  const cluster = await getClusterForChange(input.clusterId);
  const current = await findPipelineOrFail(input.clusterId, input.pipelineId);
  refuseStale(current, input.baseVersion, by);
  const old = await getRevision(input);
  return writeDocument(by, {
    cluster,
    current,
    baseVersion: input.baseVersion,
    document: old.document,
    cause: "restore",
    restoredFrom: old.revision,
    action: "pipeline.restore",
  });
}
