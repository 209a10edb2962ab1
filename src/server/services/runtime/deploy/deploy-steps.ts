import "server-only";
import { describePlanStep, type TPlanStep } from "~/domain/definitions/plan";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import type { TDeployStepPart } from "~/domain/pipelines/runtime/deploy-progress";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import type { TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import { toDeploymentDto, writeDeployment } from "~/server/db/pipeline-deployments";
import { ensureChangelogTopic } from "~/server/kafka/runtime/step-member";
import { addPartitions } from "~/server/kafka/topics/add-partitions";
import type { TAuditActor } from "../../audit/audited";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import { planStepRunners } from "../../definitions/apply-steps";
import type { TRunnableStep } from "../../progress/run-steps";
import type { TDeployPlanParts } from "./deploy-plan";
import { pinStartOffsets, readingSteps } from "./pin-start-offsets";

export type TDeployStep = TRunnableStep & { part: TDeployStepPart };

/** Where the deployment goes once its step has written it. */
export type TWrittenDeployment = { deployment: TDeploymentDto | null };

/** The compacted changelog topics follow their inputs' partition counts. */
async function prepareChangelog(cluster: TRegisteredCluster, step: TPlanStep): Promise<void> {
  if (step.kind === "create") {
    await ensureChangelogTopic(cluster, step.topicName, step.partitions, step.replicationFactor);
  } else if (step.kind === "addPartitions") {
    await addPartitions(cluster, step.topicName, step.to);
  }
}

const START_FROM = { latest: "the end of the log", earliest: "the log start" } as const;

/**
 * A deploy as steps, in the order they must run: the definitions' topic plan (each step its own
 * audit row, as on the definitions page), the changelog topics, where each starting group begins,
 * and last the deployment — so a deploy that stops early never starts a runner.
 */
export function deploySteps(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  pipeline: TPipelineDetail,
  parts: TDeployPlanParts,
  written: TWrittenDeployment,
): TDeployStep[] {
  const topics = planStepRunners(by, cluster, parts.definitionPlan).map((step) => ({
    ...step,
    part: "topic" as const,
  }));
  const changelogs = parts.changelogSteps.map((step) => ({
    description: describePlanStep(step),
    part: "changelog" as const,
    run: () => prepareChangelog(cluster, step),
  }));
  const { startFrom } = pipeline.document.settings;
  const starting = deployedSteps(pipeline.document).filter((step) => parts.restarts.includes(step.nodeId));
  const offsets = readingSteps(starting).map((step) => ({
    description: `Commit where ${stepGroupId(parts.slug, step.nodeId)} starts on ${step.inputTopic}: ${START_FROM[startFrom]}, on each partition it has no offset for`,
    part: "offsets" as const,
    run: () => pinStartOffsets(cluster, step, parts.slug, startFrom),
  }));
  const deployment = {
    description: `Write the deployment of revision ${pipeline.revision}, so runners start its steps`,
    part: "deployment" as const,
    run: async () => {
      const row = await writeDeployment({
        pipelineId: pipeline.id,
        clusterId: cluster.id,
        slug: parts.slug,
        revision: pipeline.revision,
        document: pipeline.document,
        deployedBy: by.actor.name,
      });
      written.deployment = toDeploymentDto(row);
    },
  };
  return [...topics, ...changelogs, ...offsets, deployment];
}
