import "server-only";
import { partitionLag, totalLag } from "~/domain/groups/group-lag";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { fetchCommittedOffsets } from "~/server/kafka/groups/describe-groups";
import { positionOf, readPositions } from "~/server/kafka/groups/partition-positions";

export type TStepGroup = { groupId: string; inputTopic: string | null };
export type TStepLag = { lag: number | null; inputPartitions: number | null };

const UNKNOWN: TStepLag = { lag: null, inputPartitions: null };

/**
 * Each step group's lag on its input topic and that topic's partition count, by group id. The same
 * reads as the group pages' lag (group-snapshots.ts) without what the overlay does not show: one
 * metadata request and one watermark read for all input topics, one OffsetFetch per group (the
 * runners already report members and assignments, so no DescribeGroups, and no time lag).
 * Kafka unreachable: every value unknown — the overlay still shows what the runners report.
 */
export async function readStepLags(
  target: ClusterTarget,
  groups: readonly TStepGroup[],
): Promise<Map<string, TStepLag>> {
  const result = new Map<string, TStepLag>(groups.map((group) => [group.groupId, UNKNOWN]));
  const topics = new Set(groups.flatMap((group) => (group.inputTopic === null ? [] : [group.inputTopic])));
  if (topics.size === 0) return result;
  try {
    const { layout, positions } = await readPositions(target, topics);
    await Promise.all(
      groups.map(async ({ groupId, inputTopic }) => {
        if (inputTopic === null) return;
        const partitions = layout.get(inputTopic);
        if (!partitions) return;
        const committed = new Map(
          (await fetchCommittedOffsets(target, groupId))
            .filter((offset) => offset.topic === inputTopic)
            .map((offset) => [offset.partition, offset.offset]),
        );
        const lags = partitions.map((partition) => ({
          lag: partitionLag(
            committed.get(partition) ?? null,
            positionOf(positions, inputTopic, partition)?.logEndOffset ?? null,
          ),
        }));
        const total = totalLag(lags);
        result.set(groupId, { lag: total === null ? null : Number(total), inputPartitions: partitions.length });
      }),
    );
  } catch {
    // Best effort, as above; the group pages say what is wrong with Kafka.
  }
  return result;
}
