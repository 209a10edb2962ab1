/**
 * What happens when Kafka assigns a member an input partition: the step is built afresh for it,
 * and a stateful step's store is restored from the same partition of its changelog topic, so the
 * partition carries on with exactly the state its previous owner committed.
 */
import { keepsState, type TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { changelogTopic } from "~/domain/pipelines/runtime/naming";
import { readChangelogPartition } from "~/server/kafka/runtime/step-member";
import type { TPartitionProcessor } from "~/server/kafka/runtime/step-member-types";
import type { TRegisteredCluster } from "~/server/services/clusters/registered-clusters";
import { changelogStore } from "./changelog-store";
import { partitionProcessor, type TPartitionContext } from "./partition-processor";
import { buildStep, type TSharedHost } from "./build-step";

export type TOpenPartition = {
  cluster: TRegisteredCluster;
  slug: string;
  step: TDeployedStep;
  host: TSharedHost;
  context: TPartitionContext;
  /** Aborted when the member stops: a long restore ends early. */
  signal: AbortSignal;
};

export async function openPartition(open: TOpenPartition, partition: number): Promise<TPartitionProcessor> {
  if (!keepsState(open.step)) return partitionProcessor(open.context, buildStep(open.step, open.host), null);
  const topic = changelogTopic(open.slug, open.step.nodeId);
  const restored = await readChangelogPartition(open.cluster, topic, partition, open.signal);
  const store = changelogStore(topic, partition, restored);
  return partitionProcessor(open.context, buildStep(open.step, open.host, store), store);
}
