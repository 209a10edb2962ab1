import "server-only";
import type { TDeployGroupPlan, TGroupPartitionStart } from "~/domain/pipelines/runtime/runtime-dto";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { AppError } from "~/lib/app-error";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import { readCommittedOffsets, readGroupMembership } from "~/server/kafka/groups/offsets-admin";
import { positionOf, readPositions } from "~/server/kafka/groups/partition-positions";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import type { TTopicAfter } from "./deploy-topics";
import { startSentence, unknownStartSentence, type TStartFrom } from "./start-positions";

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

type TGroupRead = { state: string; committed: Map<number, bigint | null> } | { unknown: string };

/**
 * The group's state and committed offsets. The plan is for reading: when the coordinator cannot be
 * asked (a brand-new cluster's __consumer_offsets still electing leaders) it says so per partition
 * rather than failing the whole plan.
 */
async function readGroup(
  cluster: TRegisteredCluster,
  groupId: string,
  topic: string | null,
  partitions: readonly number[] | undefined,
): Promise<TGroupRead> {
  try {
    const [membership, committed] = await Promise.all([
      readGroupMembership(cluster, groupId),
      topic !== null && partitions
        ? readCommittedOffsets(cluster, groupId, topic, partitions)
        : new Map<number, bigint | null>(),
    ]);
    return { state: membership.state, committed };
  } catch (error) {
    if (error instanceof AppError) return { unknown: error.message };
    throw error;
  }
}

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
      const read = await readGroup(cluster, groupId, topic, existing);
      const committed = "unknown" in read ? new Map<number, bigint | null>() : read.committed;
      const partitionIds = existing ?? range(topic === null ? 0 : (after.get(topic)?.partitions ?? 0));
      const partitions = partitionIds.map((partition): TGroupPartitionStart => {
        const offset: bigint | null = committed.get(partition) ?? null;
        const position = topic === null ? undefined : positionOf(positions, topic, partition);
        return {
          partition,
          committed: offset === null ? null : offset.toString(),
          startsAt:
            "unknown" in read && existing
              ? unknownStartSentence(input.startFrom, read.unknown)
              : startSentence({
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
        exists:
          ("state" in read && read.state !== "Dead") || partitions.some((partition) => partition.committed !== null),
        partitions,
        restarts: input.restarts.has(step.nodeId),
        changelogTopic: input.changelogOf(step),
      };
    }),
  );
}
