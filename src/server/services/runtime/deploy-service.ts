import "server-only";
import type { z } from "zod";
import type { TDesiredState, TDeployPlan, TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeployInput, ZDeploymentRef } from "~/domain/pipelines/runtime/runtime-requests";
import { AppError } from "~/lib/app-error";
import { findDeployment, setDesiredState, toDeploymentDto, writeDeployment } from "~/server/db/pipeline-deployments";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { findPipelineOrFail } from "../pipelines/pipeline-writes";
import { applyTopicPlan } from "./deploy/apply-topics";
import { buildDeployPlan } from "./deploy/deploy-plan";

type TDeploymentRef = z.infer<typeof ZDeploymentRef>;

/** What deploying the pipeline's newest revision would do: topics, groups and where they start. */
export async function planDeploy(ref: TDeploymentRef): Promise<TDeployPlan> {
  const cluster = await getCluster(ref.clusterId);
  const pipeline = await findPipelineOrFail(cluster.id, ref.pipelineId);
  return (await buildDeployPlan(cluster, pipeline)).plan;
}

/** Up to this many refusals are spelled out in the error; the plan dialog shows them all. */
const LISTED_REFUSALS = 5;

function refusedError(revision: number, refusals: readonly string[]): AppError {
  const more = refusals.length > LISTED_REFUSALS ? ` And ${refusals.length - LISTED_REFUSALS} more.` : "";
  return new AppError(
    "BAD_INPUT",
    `Revision ${revision} cannot be deployed: ${refusals.slice(0, LISTED_REFUSALS).join(" ")}${more}`,
    "Open the deploy plan to see every reason; nothing was changed.",
  );
}

/**
 * Applies the plan (topics from their definitions, then changelog topics) and wants the revision
 * running. The plan is made again here, never taken from the browser; the revision it was shown for
 * must still be the newest.
 */
export async function deployPipeline(ctx: TAuditActor, input: z.infer<typeof ZDeployInput>): Promise<TDeploymentDto> {
  const cluster = await getClusterForChange(input.clusterId);
  const pipeline = await findPipelineOrFail(cluster.id, input.pipelineId);
  if (pipeline.revision !== input.revision) {
    throw new AppError(
      "CONFLICT",
      `Revision ${input.revision} is no longer the newest: ${pipeline.updatedBy} saved revision ${pipeline.revision} since this plan was shown.`,
      `Review the plan of revision ${pipeline.revision}, then deploy it.`,
    );
  }
  const parts = await buildDeployPlan(cluster, pipeline);
  if (parts.plan.refusals.length > 0) throw refusedError(pipeline.revision, parts.plan.refusals);
  return audited(
    {
      by: ctx,
      action: "pipeline.deploy",
      cluster,
      target: pipeline.document.name,
      details: { pipelineId: pipeline.id, revision: pipeline.revision, restarts: parts.restarts },
    },
    async () => {
      await applyTopicPlan(ctx, cluster, parts);
      const row = await writeDeployment({
        pipelineId: pipeline.id,
        clusterId: cluster.id,
        slug: parts.slug,
        revision: pipeline.revision,
        document: pipeline.document,
        deployedBy: ctx.actor.name,
      });
      return toDeploymentDto(row);
    },
    { completion: (deployment) => ({ slug: deployment.slug, generation: deployment.generation }) },
  );
}

function neverDeployed(name: string): AppError {
  return new AppError("NOT_FOUND", `${name} has never been deployed.`, "Deploy it from the designer first.");
}

const DESIRED_ACTIONS: Record<TDesiredState, string> = { stopped: "pipeline.stop", running: "pipeline.resume" };

/** Stop or resume: the deployed revision stays; runners stop or start its members. Audited. */
async function changeDesiredState(
  ctx: TAuditActor,
  ref: TDeploymentRef,
  desiredState: TDesiredState,
): Promise<TDeploymentDto> {
  const cluster = await getClusterForChange(ref.clusterId);
  const pipeline = await findPipelineOrFail(cluster.id, ref.pipelineId);
  const name = pipeline.document.name;
  const deployment = await findDeployment(pipeline.id);
  if (!deployment) throw neverDeployed(name);
  return audited(
    {
      by: ctx,
      action: DESIRED_ACTIONS[desiredState],
      cluster,
      target: name,
      details: { pipelineId: pipeline.id, revision: deployment.revision },
    },
    async () => {
      const row = await setDesiredState(pipeline.id, desiredState);
      if (!row) throw neverDeployed(name);
      return toDeploymentDto(row);
    },
    { completion: (changed) => ({ generation: changed.generation }) },
  );
}

export function stopDeployment(ctx: TAuditActor, ref: TDeploymentRef): Promise<TDeploymentDto> {
  return changeDesiredState(ctx, ref, "stopped");
}

export function resumeDeployment(ctx: TAuditActor, ref: TDeploymentRef): Promise<TDeploymentDto> {
  return changeDesiredState(ctx, ref, "running");
}
