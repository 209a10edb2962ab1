import "server-only";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import { describePlanStep, type TPlan, type TPlanStep } from "~/domain/definitions/plan";
import { addPartitions } from "~/server/kafka/topics/add-partitions";
import { alterTopicConfigs } from "~/server/kafka/topics/alter-topic-configs";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { audited, type TAuditActor } from "../audit/audited";
import type { TRegisteredCluster } from "../clusters/registered-clusters";
import { runSteps, type TRunnableStep } from "../progress/run-steps";

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
 * The plan's steps as runnable steps, each inside its own audit row (the read-only check included),
 * through the topic dialogs' own Kafka calls. A pipeline deploy runs them among its own steps.
 */
export function planStepRunners(by: TAuditActor, cluster: TRegisteredCluster, plan: TPlan): TRunnableStep[] {
  const total = plan.steps.length;
  return plan.steps.map((step, index) => ({
    description: describePlanStep(step),
    run: () =>
      audited(
        {
          by,
          action: AUDIT_ACTIONS[step.kind],
          cluster,
          target: step.topicName,
          details: auditDetails(step, index, total),
        },
        () => runStep(cluster, step),
      ),
  }));
}

/** The plan's steps one by one (see `runSteps`: stops at the first failure, or before the next step once cancelled). */
export async function* runPlanSteps(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  plan: TPlan,
  signal: AbortSignal,
): AsyncGenerator<TApplyEvent> {
  const { applied, failed, cancelled } = yield* runSteps(planStepRunners(by, cluster, plan), signal);
  yield { kind: "finished", applied, failed, cancelled };
}
