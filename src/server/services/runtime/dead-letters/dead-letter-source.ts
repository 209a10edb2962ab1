import "server-only";
import { deployedSteps, type TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { AppError } from "~/lib/app-error";
import type { TDeploymentRow } from "~/server/db/pipeline-deployments";
import { deploymentOn, type TPipelineRef } from "../overlay/read-overlay";

/** The deployed pipeline's dead-letter topic, refused with a sentence when there is none to read. */
export async function deadLetterSource(
  ref: TPipelineRef,
): Promise<{ deployment: TDeploymentRow; deadLetterTopic: string }> {
  const deployment = await deploymentOn(ref);
  if (!deployment) {
    throw new AppError(
      "NOT_FOUND",
      "This pipeline has not been deployed on this cluster, so it has no dead letters.",
      "Deploy it from the designer first.",
    );
  }
  const deadLetterTopic = deployment.document.settings.deadLetterTopic;
  if (deadLetterTopic === null) {
    throw new AppError(
      "NOT_FOUND",
      `Revision ${deployment.revision} of this pipeline has no dead-letter topic: records its steps could not process were not kept.`,
      "Choose a dead-letter topic in the pipeline's settings and deploy again.",
    );
  }
  return { deployment, deadLetterTopic };
}

/** A step of the deployed revision, refused with a sentence when that revision has none of that id. */
export function deployedStep(deployment: TDeploymentRow, nodeId: string): TDeployedStep {
  const step = deployedSteps(deployment.document).find((candidate) => candidate.nodeId === nodeId);
  if (!step) {
    throw new AppError(
      "NOT_FOUND",
      `The deployed revision ${deployment.revision} of this pipeline has no step ${nodeId}.`,
      "It may have been removed or renamed since; pick a step of the deployed revision.",
    );
  }
  return step;
}
