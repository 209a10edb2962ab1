import "server-only";
import type { TDeployGroupPlan, TGroupPartitionStart } from "~/domain/pipelines/runtime/runtime-dto";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import { readCommittedOffsets, readGroupMembership } from "~/server/kafka/groups/offsets-admin";
import { positionOf, readPositions } from "~/server/kafka/groups/partition-positions";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import type { TTopicAfter } from "./deploy-topics";
import { startSentence, type TStartFrom } from "./start-positions";

export type TGroupsInput = {
  steps: readonly TDeployedStep[];
  slug: string;
  startFrom: TStartFrom;
  /** Each topic as it will be after the topic plan (deploy-topics.ts). */
  after: ReadonlyMap<string, TTopicAfter>;
  restarts: ReadonlySet<string>;
  changelogOf: (step: TDeployedStep) => string | null;
};

const toBigInt = (offset: string | null) => (offset === null ? null : BigInt(offset));
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/**
 * Each step's consumer group and where it starts on every partition of its input: the committed
 * offset when the group has one (a redeploy, or an earlier deployment under the same name), else
 * the pipeline's start position. One watermark read; per group a DescribeGroups and an OffsetFetch
 * at its coordinator (which retry while a fresh cluster's __consumer_offsets finds its leaders).
 */
export async function planDeployGroups(cluster: TRegisteredCluster, input: TGroupsInput): Promise<TDeployGroupPlan[]> {
  const { steps, slug, after } = input;
  const inputTopics = new Set(
    steps.flatMap((step) =>
      step.inputTopic !== null && after.get(step.inputTopic)?.isNew === false ? [step.inputTopic] : [],
    ),
  );
  const { layout, positions } = await readPositions(cluster, inputTopics);
  return Promise.all(
    steps.map(async (step): Promise<TDeployGroupPlan> => {
      const groupId = stepGroupId(slug, step.nodeId);
      const topic = step.inputTopic;
      const existing = topic === null ? undefined : layout.get(topic);
      const [membership, committed] = await Promise.all([
        readGroupMembership(cluster, groupId),
        topic !== null && existing
          ? readCommittedOffsets(cluster, groupId, topic, existing)
          : new Map<number, bigint | null>(),
      ]);
      const partitionIds = existing ?? range(topic === null ? 0 : (after.get(topic)?.partitions ?? 0));
      const partitions = partitionIds.map((partition): TGroupPartitionStart => {
        const offset: bigint | null = committed.get(partition) ?? null;
        const position = topic === null ? undefined : positionOf(positions, topic, partition);
        return {
          partition,
          committed: offset === null ? null : offset.toString(),
          startsAt: startSentence({
            committed: offset,
            low: toBigInt(position?.logStartOffset ?? null),
            high: toBigInt(position?.logEndOffset ?? null),
            startFrom: input.startFrom,
            topicIsNew: !existing,
          }),
        };
      });
      return {
        nodeId: step.nodeId,
        groupId,
        inputTopic: topic,
        exists: membership.state !== "Dead" || partitions.some((partition) => partition.committed !== null),
        partitions,
        restarts: input.restarts.has(step.nodeId),
        changelogTopic: input.changelogOf(step),
      };
    }),
  );
}
