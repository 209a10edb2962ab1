import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { activeMembersSentence } from "~/domain/groups/offset-reset";
import { AppError } from "~/lib/app-error";
import {
  deleteCommittedOffsets,
  deleteGroup,
  readCommittedOffsets,
  readGroupMembership,
  readTopicPartitions,
} from "~/server/kafka/groups/offsets-admin";
import { audited, type TAuditActor } from "../audit/audited";
import { getClusterForChange } from "../clusters/registered-clusters";

const READ_BACK_TIMEOUT_MS = 5_000;
const READ_BACK_INTERVAL_MS = 100;

async function refuseActiveGroup(cluster: { id: string; bootstrapServers: string }, groupId: string) {
  const membership = await readGroupMembership(cluster, groupId);
  const sentence = activeMembersSentence(membership.activeMembers);
  if (sentence) throw new AppError("CONFLICT", sentence, "Stop every consumer in the group, then try again.");
}

/** Deletes the group's committed offsets for every partition of one topic; Kafka refuses while members read it. */
export async function deleteTopicOffsets(
  by: TAuditActor,
  input: { clusterId: string; groupId: string; topic: string },
): Promise<{ deletedPartitions: number }> {
  const cluster = await getClusterForChange(input.clusterId);
  await refuseActiveGroup(cluster, input.groupId);
  const partitions = (await readTopicPartitions(cluster, input.topic)).map((state) => state.partition);
  const details = { topic: input.topic };
  await audited({ by, action: "group.delete-offsets", cluster, target: input.groupId, details }, async () => {
    const outcome = await deleteCommittedOffsets(cluster, input.groupId, input.topic, partitions);
    if (outcome === "unsupported") {
      throw new AppError(
        "KAFKA_REJECTED",
        "This cluster cannot delete a group's offsets for one topic (OffsetDelete needs Kafka 2.4 or later).",
        "Delete the whole group instead, or reset its offsets.",
      );
    }
    // Read back so the page that refreshes next no longer shows the topic.
    const deadline = Date.now() + READ_BACK_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const committed = await readCommittedOffsets(cluster, input.groupId, input.topic);
      if ([...committed.values()].every((offset) => offset === null)) return;
      await delay(READ_BACK_INTERVAL_MS);
    }
    throw new AppError(
      "TIMEOUT",
      "Kafka accepted the deletion, but the group still shows committed offsets for the topic.",
      "Refresh in a moment to see whether it took effect.",
    );
  });
  return { deletedPartitions: partitions.length };
}

/** Deletes a group without members, once its id is typed again. */
export async function removeGroup(
  by: TAuditActor,
  input: { clusterId: string; groupId: string; confirmation: string },
): Promise<void> {
  if (input.confirmation !== input.groupId) {
    throw new AppError(
      "BAD_INPUT",
      `Type the group's id, ${input.groupId}, to confirm that it and all its committed offsets are deleted.`,
    );
  }
  const cluster = await getClusterForChange(input.clusterId);
  await refuseActiveGroup(cluster, input.groupId);
  await audited({ by, action: "group.delete", cluster, target: input.groupId }, () =>
    deleteGroup(cluster, input.groupId),
  );
}
