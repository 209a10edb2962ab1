import "server-only";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import { describePlanStep, type TPlan, type TPlanStep } from "~/domain/definitions/plan";
import { AppError } from "~/lib/app-error";
import { addPartitions } from "~/server/kafka/topics/add-partitions";
import { alterTopicConfigs } from "~/server/kafka/topics/alter-topic-configs";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { audited, type TAuditActor } from "../audit/audited";
import type { TRegisteredCluster } from "../clusters/registered-clusters";

/** Each step through the same Kafka calls as the topic page's create, add-partitions and config dialogs. */
function runStep(cluster: TRegisteredCluster, step: TPlanStep): Promise<void> {
  switch (step.kind) {
    case "create":
      return createTopic(
        cluster,
        {
          name: step.topicName,
          partitions: step.partitions,
          replicationFactor: step.replicationFactor,
          configs: step.configs,
        },
        { validateOnly: false },
      );
    case "addPartitions":
      return addPartitions(cluster, step.topicName, step.to);
    case "alterConfigs":
      // Incremental: only the keys the plan changes. alterTopicConfigs keeps every other override.
      return alterTopicConfigs(
        cluster,
        step.topicName,
        Object.fromEntries(step.changes.map((change) => [change.name, change.to])),
      );
  }
}

const AUDIT_ACTIONS: Record<TPlanStep["kind"], string> = {
  create: "topic.create",
  addPartitions: "topic.add-partitions",
  alterConfigs: "topic.alter-configs",
};

function auditDetails(step: TPlanStep, index: number, total: number): Record<string, unknown> {
  const { kind: _kind, topicName: _topicName, ...fields } = step;
  return { ...fields, source: "definitions plan", step: index + 1, steps: total };
}

/**
 * The steps one by one, each inside its own audit row (the read-only check included). Stops at the
 * first failure; an aborted signal stops before the next step (a running step finishes: Kafka
 * cannot take back half a change).
 */
export async function* runPlanSteps(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  plan: TPlan,
  signal: AbortSignal,
): AsyncGenerator<TApplyEvent> {
  const total = plan.steps.length;
  let applied = 0;
  for (const [index, step] of plan.steps.entries()) {
    if (signal.aborted) {
      yield { kind: "finished", applied, failed: false, cancelled: true };
      return;
    }
    const description = describePlanStep(step);
    yield { kind: "step", index, total, status: "running", description };
    try {
      await audited(
        {
          by,
          action: AUDIT_ACTIONS[step.kind],
          cluster,
          target: step.topicName,
          details: auditDetails(step, index, total),
        },
        () => runStep(cluster, step),
      );
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`Applying "${description}" failed unexpectedly.`, error);
      const sentence =
        error instanceof AppError ? error.message : "An unexpected error occurred on the Tributary server.";
      yield { kind: "step", index, total, status: "failed", description, sentence };
      yield { kind: "finished", applied, failed: true, cancelled: false };
      return;
    }
    applied += 1;
    yield { kind: "step", index, total, status: "done", description };
  }
  yield { kind: "finished", applied, failed: false, cancelled: false };
}
