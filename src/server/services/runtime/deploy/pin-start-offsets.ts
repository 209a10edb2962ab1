import "server-only";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import { AppError } from "~/lib/app-error";
import { commitGroupOffsets, readCommittedOffsets, readGroupMembership } from "~/server/kafka/groups/offsets-admin";
import { positionOf, readPositions } from "~/server/kafka/groups/partition-positions";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import type { TStartFrom } from "./start-positions";

/**
 * Commits where each new group starts, at deploy time: the start position ("latest" = the end of
 * the log now, as the plan showed it) for every partition the group has no offset for. Otherwise
 * a downstream step whose member joins a few seconds after its upstream step began writing would
 * start at the end of the log then, and skip what was written in between. A group with members, or
 * with offsets, is left alone. Best effort: when the coordinator cannot be asked the step starts at
 * its start position as Kafka resolves it. Returns the groups it pinned.
 */
export async function pinStartOffsets(
  cluster: TRegisteredCluster,
  steps: readonly TDeployedStep[],
  slug: string,
  startFrom: TStartFrom,
): Promise<string[]> {
  const inputs = new Set(steps.flatMap((step) => (step.inputTopic === null ? [] : [step.inputTopic])));
  const { layout, positions } = await readPositions(cluster, inputs);
  const pinned: string[] = [];
  for (const step of steps) {
    const topic = step.inputTopic;
    const partitions = topic === null ? undefined : layout.get(topic);
    if (topic === null || !partitions) continue;
    const groupId = stepGroupId(slug, step.nodeId);
    try {
      if ((await readGroupMembership(cluster, groupId)).activeMembers > 0) continue;
      const committed = await readCommittedOffsets(cluster, groupId, topic, partitions);
      const offsets = partitions.flatMap((partition) => {
        if ((committed.get(partition) ?? null) !== null) return [];
        const position = positionOf(positions, topic, partition);
        const offset = startFrom === "latest" ? position?.logEndOffset : position?.logStartOffset;
        return offset == null ? [] : [{ partition, offset: BigInt(offset) }];
      });
      if (offsets.length === 0) continue;
      await commitGroupOffsets(cluster, groupId, topic, offsets);
      pinned.push(groupId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.warn(`The start offsets of ${groupId} were not committed: ${error.message}`);
    }
  }
  return pinned;
}
