import "server-only";
import { AppError } from "~/lib/app-error";
import { ensureChangelogTopic } from "~/server/kafka/runtime/step-member";
import { addPartitions } from "~/server/kafka/topics/add-partitions";
import type { TAuditActor } from "../../audit/audited";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import { applyPlan } from "../../definitions/plan-service";
import type { TDeployPlanParts } from "./deploy-plan";

/**
 * Brings the topics to the plan before any step runs: the definitions' plan first (each step its
 * own audit row, as on the definitions page), then the changelog topics, whose partition counts
 * follow their inputs. Stops at the first failure with its sentence; the deployment is not written.
 */
export async function applyTopicPlan(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  parts: Pick<TDeployPlanParts, "definitionPlan" | "changelogSteps">,
): Promise<void> {
  if (parts.definitionPlan.steps.length > 0) {
    const outcome = await applyPlan(by, cluster.id, parts.definitionPlan);
    if (outcome.failed) {
      throw new AppError(
        "KAFKA_REJECTED",
        `The deploy stopped while preparing its topics: ${outcome.sentence ?? "a step of the topic plan failed."}`,
        `${outcome.applied} of ${parts.definitionPlan.steps.length} topic changes were made; fix the cause and deploy again.`,
      );
    }
  }
  for (const step of parts.changelogSteps) {
    if (step.kind === "create") {
      await ensureChangelogTopic(cluster, step.topicName, step.partitions, step.replicationFactor);
    } else if (step.kind === "addPartitions") {
      await addPartitions(cluster, step.topicName, step.to);
    }
  }
}
