import "server-only";
import {
  pageTopics,
  sortNeedsDetails,
  type TTopicListPage,
  type TTopicListQuery,
} from "~/domain/topics/topic-list-query";
import type { TTopicConfigChanges, TTopicDescription, TTopicSummary } from "~/domain/topics/topic-dto";
import { validateTopicSpec, type TTopicSpec } from "~/domain/topics/topic-spec";
import { internalTopicRefusal, validateConfigChanges } from "~/domain/topics/config-changes";
import { validatePartitionIncrease } from "~/domain/topics/partition-change";
import { isInternalTopicName } from "~/domain/topics/topic-name";
import { AppError } from "~/lib/app-error";
import { describeClusterOverview } from "~/server/kafka/describe-cluster";
import { addPartitions } from "~/server/kafka/topics/add-partitions";
import { alterTopicConfigs } from "~/server/kafka/topics/alter-topic-configs";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { deleteTopic } from "~/server/kafka/topics/delete-topic";
import { describeTopic } from "~/server/kafka/topics/describe-topic";
import { listTopicSummaries } from "~/server/kafka/topics/list-topics";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";

/**
 * One page of topics. Metadata (cheap, one request) covers every topic for searching and sorting;
 * offsets and configs are fetched for the page only — unless the sort column needs them for all.
 */
export async function listTopics(query: TTopicListQuery): Promise<TTopicListPage> {
  const cluster = await getCluster(query.clusterId);
  const options = { includeInternal: query.includeInternal };
  if (sortNeedsDetails(query.sort)) return pageTopics(await listTopicSummaries(cluster, options), query);
  // Sorting by metadata alone picks the page; offsets and configs are then read for it only.
  const pageNames = (metadataOnly: TTopicSummary[]) => pageTopics(metadataOnly, query).items.map((topic) => topic.name);
  return pageTopics(await listTopicSummaries(cluster, { ...options, names: pageNames }), query);
}

/** Every topic name, internal ones included: the create form checks existence and '.'/'_' collisions as you type. */
export async function listTopicNames(clusterId: string): Promise<string[]> {
  const summaries = await listTopicSummaries(await getCluster(clusterId), { includeInternal: true, names: [] });
  return summaries.map((topic) => topic.name);
}

export async function getTopic(clusterId: string, name: string): Promise<TTopicDescription> {
  return describeTopic(await getCluster(clusterId), name);
}

/** Checks a new topic with the same rules as the form, then with the broker itself (validateOnly). */
export async function createTopicChecked(by: TAuditActor, clusterId: string, spec: TTopicSpec, validateOnly: boolean) {
  const cluster = await getClusterForChange(clusterId);
  const overview = await describeClusterOverview(cluster);
  const existing = await listTopicSummaries(cluster, { includeInternal: true, names: [] });
  const check = validateTopicSpec(spec, {
    liveBrokerCount: overview.brokers.length,
    existingTopicNames: existing.map((topic) => topic.name),
  });
  const [firstError] = Object.values(check.errors);
  if (firstError) throw new AppError("BAD_INPUT", firstError);
  await createTopic(cluster, spec, { validateOnly: true });
  if (validateOnly) return { created: false, warnings: check.warnings };
  const details = { partitions: spec.partitions, replicationFactor: spec.replicationFactor, configs: spec.configs };
  await audited({ by, action: "topic.create", cluster, target: spec.name, details }, () =>
    createTopic(cluster, spec, { validateOnly: false }),
  );
  return { created: true, warnings: check.warnings };
}

/**
 * Checks a config change with the create form's rules (and the topic's replication factor) before
 * Kafka is asked; Kafka's internal topics are refused outright, whatever the change.
 */
export async function changeTopicConfigs(
  by: TAuditActor,
  clusterId: string,
  name: string,
  changes: TTopicConfigChanges,
) {
  const cluster = await getClusterForChange(clusterId);
  const topic = await describeTopic(cluster, name);
  if (topic.isInternal) throw new AppError("BAD_INPUT", internalTopicRefusal(name, "configs"));
  const replicationFactor = Math.max(1, ...topic.partitions.map((partition) => partition.replicas.length));
  const errors = Object.values(validateConfigChanges(changes, { replicationFactor }));
  if (errors.length > 0) throw new AppError("BAD_INPUT", errors.join(" "));
  await audited({ by, action: "topic.alter-configs", cluster, target: name, details: { changes } }, () =>
    alterTopicConfigs(cluster, name, changes),
  );
}

export async function increasePartitions(by: TAuditActor, clusterId: string, name: string, count: number) {
  const cluster = await getClusterForChange(clusterId);
  const topic = await describeTopic(cluster, name);
  if (topic.isInternal) throw new AppError("BAD_INPUT", internalTopicRefusal(name, "partitions"));
  const current = topic.partitions.length;
  const check = validatePartitionIncrease(current, count);
  if (!check.ok) throw new AppError("BAD_INPUT", check.message);
  await audited(
    { by, action: "topic.add-partitions", cluster, target: name, details: { from: current, to: count } },
    () => addPartitions(cluster, name, count),
  );
}

export async function removeTopic(by: TAuditActor, clusterId: string, name: string, confirmation: string) {
  if (isInternalTopicName(name)) throw new AppError("BAD_INPUT", "Kafka's internal topics cannot be deleted.");
  if (confirmation !== name) {
    throw new AppError(
      "BAD_INPUT",
      `Type the topic's name, ${name}, to confirm that it and all its messages are deleted.`,
    );
  }
  const cluster = await getCluster(clusterId);
  await audited({ by, action: "topic.delete", cluster, target: name }, () => deleteTopic(cluster, name));
}
