import "server-only";
import type { TPlanStep } from "~/domain/definitions/plan";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { changedSteps, deployedSteps, keepsState } from "~/domain/pipelines/runtime/deployed-steps";
import { changelogTopic, pipelineSlug } from "~/domain/pipelines/runtime/naming";
import type { TDeployPlan } from "~/domain/pipelines/runtime/runtime-dto";
import { AppError } from "~/lib/app-error";
import { findDeployment, listDeployments, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { refuseReadOnly, type TRegisteredCluster } from "../../clusters/registered-clusters";
import { problemsOf } from "../../pipelines/pipeline-writes";
import { planDeployGroups } from "./deploy-groups";
import { planDeployTopics } from "./deploy-topics";

/** The plan as shown, and what the deploy applies: the definitions' plan and the changelog steps apart. */
export type TDeployPlanParts = {
  plan: TDeployPlan;
  definitionPlan: TDeployPlan["topics"];
  changelogSteps: TPlanStep[];
  slug: string;
  deployment: TDeploymentRow | null;
  /** Node ids of the steps this deploy starts or restarts. */
  restarts: string[];
};

/**
 * The slug is fixed at the first deploy (groups keep their offsets across renames). A new one is
 * the name's, made unique on the cluster: two names may map to one slug ("Telemetry" and
 * "telemetry"), and two pipelines must never share a consumer group.
 */
async function slugFor(pipeline: TPipelineDetail, deployment: TDeploymentRow | null): Promise<string> {
  if (deployment) return deployment.slug;
  const taken = new Set(
    (await listDeployments())
      .filter((other) => other.clusterId === pipeline.clusterId && other.pipelineId !== pipeline.id)
      .map((other) => other.slug),
  );
  const base = pipelineSlug(pipeline.document.name);
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  return slug;
}

function readOnlyRefusal(cluster: TRegisteredCluster): string | null {
  try {
    refuseReadOnly(cluster);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

/** The rules the designer shows (with the live facts), then whether the pipeline is marked ready. */
async function ruleRefusals(pipeline: TPipelineDetail): Promise<string[]> {
  const problems = await problemsOf(pipeline.clusterId, pipeline.document);
  const broken = problems.filter((problem) => problem.severity === "error").map((problem) => problem.sentence);
  const draft =
    pipeline.status === "ready"
      ? []
      : [
          `Revision ${pipeline.revision} is a draft: mark the pipeline ready to deploy first (the switch above the canvas).`,
        ];
  return [...draft, ...broken];
}

/** What deploying the pipeline's newest revision would do. Reads only; refusals are sentences, not errors. */
export async function buildDeployPlan(
  cluster: TRegisteredCluster,
  pipeline: TPipelineDetail,
): Promise<TDeployPlanParts> {
  const { document } = pipeline;
  const deployment = await findDeployment(pipeline.id);
  const slug = await slugFor(pipeline, deployment);
  const steps = deployedSteps(document);
  const running = deployment?.desiredState === "running" ? deployment.document : null;
  const changed = new Set(changedSteps(running, document));
  const restarts = steps.filter((step) => changed.has(step.nodeId)).map((step) => step.nodeId);
  const nowIds = new Set(steps.map((step) => step.nodeId));
  const removedSteps = deployment
    ? deployedSteps(deployment.document)
        .map((step) => step.nodeId)
        .filter((id) => !nowIds.has(id))
    : [];

  const [rules, topics] = await Promise.all([ruleRefusals(pipeline), planDeployTopics(cluster, document, steps, slug)]);
  const groups = await planDeployGroups(cluster, {
    steps,
    slug,
    startFrom: document.settings.startFrom,
    after: topics.after,
    restarts: new Set(restarts),
    changelogOf: (step) => (keepsState(step) ? changelogTopic(slug, step.nodeId) : null),
  });
  const readOnly = readOnlyRefusal(cluster);
  return {
    plan: {
      pipelineId: pipeline.id,
      revision: pipeline.revision,
      deployedRevision: deployment?.revision ?? null,
      refusals: [...(readOnly ? [readOnly] : []), ...rules, ...topics.refusals],
      topics: {
        steps: [...topics.definitionPlan.steps, ...topics.changelogSteps],
        refusals: topics.definitionPlan.refusals,
      },
      groups,
      removedSteps,
    },
    definitionPlan: topics.definitionPlan,
    changelogSteps: topics.changelogSteps,
    slug,
    deployment,
    restarts,
  };
}
