import "server-only";
import { planDefinitions, type TPlan, type TPlanStep } from "~/domain/definitions/plan";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { keepsState, type TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { changelogTopic } from "~/domain/pipelines/runtime/naming";
import { listDefinitionKafkaFields } from "~/server/db/topic-definitions";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import { readLiveFor } from "../../definitions/live-state";
import { topicNamesOf } from "../../pipelines/document-topics";

/** How a topic the pipeline uses will be once the topic plan has run. */
export type TTopicAfter = { partitions: number; replicationFactor: number; isNew: boolean };

export type TDeployTopics = {
  /** The definitions' own plan for the topics the document names (the dead-letter topic too). */
  definitionPlan: TPlan;
  /** The compacted changelog topics of steps that keep per-key state: created, or grown with their input. */
  changelogSteps: TPlanStep[];
  /** Sentences: topics the deploy needs but cannot make. */
  refusals: string[];
  /** Each named topic as it will be after the plan; absent when it will not exist. */
  after: Map<string, TTopicAfter>;
};

const COMPACTED = { "cleanup.policy": "compact" };

/** What the plan does to each topic's partition count, from Kafka's side and the plan's steps. */
function topicsAfter(live: Map<string, { partitions: number; replicationFactor: number }>, plan: TPlan) {
  const after = new Map<string, TTopicAfter>();
  for (const [name, topic] of live) {
    after.set(name, { partitions: topic.partitions, replicationFactor: topic.replicationFactor, isNew: false });
  }
  for (const step of plan.steps) {
    if (step.kind === "create") {
      after.set(step.topicName, {
        partitions: step.partitions,
        replicationFactor: step.replicationFactor,
        isNew: true,
      });
    }
    const grown = after.get(step.topicName);
    if (step.kind === "addPartitions" && grown) after.set(step.topicName, { ...grown, partitions: step.to });
  }
  return after;
}

/** One changelog partition per input partition: the state of input partition p lives in changelog partition p. */
function changelogStepsOf(steps: readonly TDeployedStep[], slug: string, after: Map<string, TTopicAfter>): TPlanStep[] {
  const planned: TPlanStep[] = [];
  for (const step of steps) {
    if (!keepsState(step) || step.inputTopic === null) continue;
    const input = after.get(step.inputTopic);
    if (!input) continue;
    const topicName = changelogTopic(slug, step.nodeId);
    const existing = after.get(topicName);
    if (!existing) {
      const { partitions, replicationFactor } = input;
      planned.push({ kind: "create", topicName, partitions, replicationFactor, configs: COMPACTED });
    } else if (existing.partitions < input.partitions) {
      planned.push({ kind: "addPartitions", topicName, from: existing.partitions, to: input.partitions });
    }
  }
  return planned;
}

/**
 * The topics a deploy prepares: the definitions' plan for every topic the document names, and the
 * changelog topics. Two reads whatever the topic count (definitions, then Metadata + DescribeConfigs).
 */
export async function planDeployTopics(
  cluster: TRegisteredCluster,
  document: TPipelineDocument,
  steps: readonly TDeployedStep[],
  slug: string,
): Promise<TDeployTopics> {
  const names = topicNamesOf(document);
  const definitions = await listDefinitionKafkaFields(cluster.id, names);
  const live = await readLiveFor(cluster, definitions);
  const definitionPlan = planDefinitions(definitions, live.topics, { liveBrokerCount: live.liveBrokerCount });
  const defined = new Set(definitions.map((definition) => definition.topicName));
  const refusals: string[] = [];
  for (const name of names) {
    if (live.topics.has(name) || defined.has(name)) continue;
    refusals.push(
      `Define ${name} first, or create it: the pipeline uses it, but it does not exist in the cluster and has no definition to create it from.`,
    );
  }
  // A refused change to a topic that exists leaves it as it is, and the steps run on it; a topic
  // the plan cannot create leaves a step without its topic.
  for (const refusal of definitionPlan.refusals) {
    if (live.topics.has(refusal.topicName)) continue;
    refusals.push(`${refusal.topicName} cannot be created from its definition: ${refusal.sentence}`);
  }
  const after = topicsAfter(live.topics, definitionPlan);
  return { definitionPlan, changelogSteps: changelogStepsOf(steps, slug, after), refusals, after };
}
