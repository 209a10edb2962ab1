import "server-only";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import { AppError } from "~/lib/app-error";
import { commitGroupOffsets, readCommittedOffsets, readGroupMembership } from "~/server/kafka/groups/offsets-admin";
import { positionOf, readPositions } from "~/server/kafka/groups/partition-positions";
import type { TRegisteredCluster } from "../../clusters/registered-clusters";
import type { TStartFrom } from "./start-positions";

/** A step whose group reads a topic: the deploy commits where that group starts. */
export type TReadingStep = TDeployedStep & { inputTopic: string };

export function readingSteps(steps: readonly TDeployedStep[]): TReadingStep[] {
  return steps.filter((step): step is TReadingStep => step.inputTopic !== null);
}

/**
 * Commits where a new group starts, at deploy time: the start position ("latest" = the end of the
 * log now, as the plan showed it) for every partition the group has no offset for. Otherwise a
 * downstream step whose member joins a few seconds after its upstream step began writing would
 * start at the end of the log then, and skip what was written in between. A group with members, or
 * with offsets, is left alone. Best effort: when the coordinator cannot be asked the step starts at
 * its start position as Kafka resolves it.
 */
export async function pinStartOffsets(
  cluster: TRegisteredCluster,
  step: TReadingStep,
  slug: string,
  startFrom: TStartFrom,
): Promise<void> {
  const topic = step.inputTopic;
  const groupId = stepGroupId(slug, step.nodeId);
  const { layout, positions } = await readPositions(cluster, new Set([topic]));
  const partitions = layout.get(topic);
  if (!partitions) return;
  try {
    if ((await readGroupMembership(cluster, groupId)).activeMembers > 0) return;
    const committed = await readCommittedOffsets(cluster, groupId, topic, partitions);
    const offsets = partitions.flatMap((partition) => {
      if ((committed.get(partition) ?? null) !== null) return [];
      const position = positionOf(positions, topic, partition);
      const offset = startFrom === "latest" ? position?.logEndOffset : position?.logStartOffset;
      return offset == null ? [] : [{ partition, offset: BigInt(offset) }];
    });
    if (offsets.length === 0) return;
    await commitGroupOffsets(cluster, groupId, topic, offsets);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`The start offsets of ${groupId} were not committed: ${error.message}`);
  }
}
