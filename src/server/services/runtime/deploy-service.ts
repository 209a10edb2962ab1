import "server-only";
import type { z } from "zod";
import type { TDesiredState, TDeployPlan, TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeployInput, ZDeploymentRef } from "~/domain/pipelines/runtime/runtime-requests";
import { deployStoppedSentence, type TDeployEvent } from "~/domain/pipelines/runtime/deploy-progress";
import { AppError } from "~/lib/app-error";
import { findDeployment, setDesiredState, toDeploymentDto } from "~/server/db/pipeline-deployments";
import { audited, openAudited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { findPipelineOrFail } from "../pipelines/pipeline-writes";
import { runSteps, type TStepsOutcome } from "../progress/run-steps";
import { buildDeployPlan } from "./deploy/deploy-plan";
import { deploySteps, type TWrittenDeployment } from "./deploy/deploy-steps";

type TDeploymentRef = z.infer<typeof ZDeploymentRef>;

/** What deploying the pipeline's newest revision would do: topics, groups and where they start. */
export async function planDeploy(ref: TDeploymentRef): Promise<TDeployPlan> {
  const cluster = await getCluster(ref.clusterId);
  const pipeline = await findPipelineOrFail(cluster.id, ref.pipelineId);
  return (await buildDeployPlan(cluster, pipeline, { withGroups: true })).plan;
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

/** The pipeline and its plan, made again here (never taken from the browser); refuses before any change. */
async function prepareDeploy(input: z.infer<typeof ZDeployInput>) {
  const cluster = await getClusterForChange(input.clusterId);
  const pipeline = await findPipelineOrFail(cluster.id, input.pipelineId);
  if (pipeline.revision !== input.revision) {
    throw new AppError(
      "CONFLICT",
      `Revision ${input.revision} is no longer the newest: ${pipeline.updatedBy} saved revision ${pipeline.revision} since this plan was shown.`,
      `Review the plan of revision ${pipeline.revision}, then deploy it.`,
    );
  }
  const parts = await buildDeployPlan(cluster, pipeline, { withGroups: false });
  if (parts.plan.refusals.length > 0) throw refusedError(pipeline.revision, parts.plan.refusals);
  return { cluster, pipeline, parts };
}

type TDeployResult = { deployment: TDeploymentDto | null; error: AppError | null };

/**
 * `runtime.deploy`: runs the deploy's steps (see `deploySteps`), yielding each as it runs ("step k
 * of n"); unsubscribing stops it before the next step. One `pipeline.deploy` audit row, completed
 * as ok with the new generation, or as an error with the sentence of what was done and what not.
 * Ends with the deployment, or with that sentence.
 */
export async function* deployStream(
  by: TAuditActor,
  input: z.infer<typeof ZDeployInput>,
  signal: AbortSignal,
): AsyncGenerator<TDeployEvent, TDeployResult> {
  const { cluster, pipeline, parts } = await prepareDeploy(input);
  const written: TWrittenDeployment = { deployment: null };
  const steps = deploySteps(by, cluster, pipeline, parts, written);
  const stepParts = steps.map((step) => step.part);
  const audit = await openAudited({
    by,
    action: "pipeline.deploy",
    cluster,
    target: pipeline.document.name,
    details: { pipelineId: pipeline.id, revision: pipeline.revision, restarts: parts.restarts },
  });
  const run = runSteps(steps, signal);
  let applied = 0;
  let outcome: TStepsOutcome | null = null;
  try {
    yield { kind: "steps", steps: steps.map(({ description, part }) => ({ description, part })) };
    for (let next = await run.next(); ; next = await run.next()) {
      if (next.done) {
        outcome = next.value;
        break;
      }
      if (next.value.status === "done") applied += 1;
      yield next.value;
    }
  } finally {
    // The subscription was closed while an event was on its way: no later step runs.
    if (!outcome) await audit.fail(deployStoppedSentence(stepParts, applied, { cancelled: true }));
  }
  const { deployment } = written;
  if (deployment && !outcome.failed) {
    await audit.succeed({ slug: deployment.slug, generation: deployment.generation });
    yield { kind: "finished", applied, failed: false, cancelled: false, sentence: null, deployment };
    return { deployment, error: null };
  }
  const sentence = deployStoppedSentence(
    stepParts,
    applied,
    outcome.cancelled ? { cancelled: true } : { cancelled: false, sentence: outcome.sentence ?? "a step failed." },
  );
  await audit.fail(sentence);
  yield { kind: "finished", applied, failed: outcome.failed, cancelled: outcome.cancelled, sentence, deployment: null };
  return { deployment: null, error: outcome.error ?? new AppError("CONFLICT", sentence) };
}

/**
 * The same deploy as one call, for server-side callers (`npm start`'s demo pipeline, tests): the
 * deployment, or the failed step's own error.
 */
export async function deployPipeline(
  by: TAuditActor,
  input: z.infer<typeof ZDeployInput>,
  options: { onProgress?: (event: TDeployEvent) => void } = {},
): Promise<TDeploymentDto> {
  const events = deployStream(by, input, new AbortController().signal);
  for (let next = await events.next(); ; next = await events.next()) {
    if (next.done) {
      if (next.value.deployment) return next.value.deployment;
      throw next.value.error;
    }
    options.onProgress?.(next.value);
  }
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
