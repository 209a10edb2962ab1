import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import {
  activeMembersSentence,
  computeResetRows,
  selectPartitions,
  type TOffsetResetPreview,
  type TOffsetResetRequest,
  type TOffsetResetResult,
  type TOffsetResetRow,
  type TOffsetsGuard,
} from "~/domain/groups/offset-reset";
import { AppError } from "~/lib/app-error";
import {
  commitGroupOffsets,
  readCommittedOffsets,
  readGroupMembership,
  readTopicPartitions,
  resolveTimestamp,
} from "~/server/kafka/groups/offsets-admin";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";

/**
 * readGroupMembership asks ConsumerGroupDescribe when the classic DescribeGroups says Dead, so a
 * running KIP-848 group counts its members. A broker without that request (before Kafka 3.7)
 * leaves such a group Dead with no members; committed offsets give it away.
 */
const KIP848_NOTE =
  "Kafka describes this group as Dead although it has committed offsets, and this broker cannot describe groups of the new consumer protocol (KIP-848): make sure its consumers are stopped. Kafka refuses the reset while any of them runs.";

/** Whether the group's offsets may be changed now: the page's offset actions poll this. */
export async function readOffsetsGuard(clusterId: string, groupId: string): Promise<TOffsetsGuard> {
  const membership = await readGroupMembership(await getCluster(clusterId), groupId);
  return {
    state: membership.state,
    activeMembers: membership.activeMembers,
    blockedReason: activeMembersSentence(membership.activeMembers),
  };
}

/** Before → after for each chosen partition, and whether the group's members forbid the reset now. */
export async function previewOffsetReset(request: TOffsetResetRequest): Promise<TOffsetResetPreview> {
  const cluster = await getCluster(request.clusterId);
  const [membership, states, committed] = await Promise.all([
    readGroupMembership(cluster, request.groupId),
    readTopicPartitions(cluster, request.topic),
    readCommittedOffsets(cluster, request.groupId, request.topic),
  ]);
  const { selected, missing } = selectPartitions(states, request.partitions);
  if (missing.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      `The topic ${request.topic} has no partition ${missing.join(", ")}.`,
      `It has partitions 0 to ${states.length - 1}.`,
    );
  }
  const offline = selected.find((state) => state.leader === null);
  if (offline) {
    throw new AppError(
      "CONFLICT",
      `Partition ${offline.partition} of ${request.topic} has no leader, so its offsets cannot be read.`,
      "Wait for the partition to come back online, or leave it out of the reset.",
    );
  }
  const byTimestamp =
    request.strategy.kind === "timestamp"
      ? await resolveTimestamp(cluster, request.topic, selected, request.strategy.timestampMs)
      : undefined;
  const positions = selected.map((state) => ({ ...state, committed: committed.get(state.partition) ?? null }));
  const hasCommitted = [...committed.values()].some((offset) => offset !== null);
  return {
    groupId: request.groupId,
    topic: request.topic,
    state: membership.state,
    activeMembers: membership.activeMembers,
    blockedReason: activeMembersSentence(membership.activeMembers),
    groupNote: membership.state === "Dead" && hasCommitted ? KIP848_NOTE : null,
    rows: computeResetRows(positions, request.strategy, byTimestamp),
  };
}

/** How long to wait for a committed reset to show when read back (KRaft brokers apply a moment later). */
const READ_BACK_TIMEOUT_MS = 5_000;
const READ_BACK_INTERVAL_MS = 100;

/**
 * Applies a reset only to a group without members, then reads the offsets back so the caller sees
 * where they really ended. Classic and KIP-848 groups alike: Kafka refuses the commit while the group
 * has members (UNKNOWN_MEMBER_ID for a KIP-848 group) and applies it once they have stopped.
 */
export async function applyOffsetReset(by: TAuditActor, request: TOffsetResetRequest): Promise<TOffsetResetResult> {
  const cluster = await getClusterForChange(request.clusterId);
  const preview = await previewOffsetReset(request);
  if (preview.blockedReason) {
    throw new AppError(
      "CONFLICT",
      preview.blockedReason,
      "Kafka accepts offset changes only for a group without members.",
    );
  }
  // The planned before → after of every partition is in the pending row, so even a reset that
  // fails half-way says what it meant to do; the completed row adds where the offsets really ended.
  const details = {
    topic: request.topic,
    partitions: request.partitions ?? "all",
    strategy: request.strategy,
    offsets: preview.rows.map((row) => ({ partition: row.partition, before: row.before, after: row.after })),
  };
  const rows = await audited(
    { by, action: "group.reset-offsets", cluster, target: request.groupId, details },
    async () => {
      const targets = preview.rows.map((row) => ({ partition: row.partition, offset: BigInt(row.after) }));
      await commitGroupOffsets(cluster, request.groupId, request.topic, targets);
      return readBack(cluster, request, preview.rows);
    },
    {
      completion: (applied) => ({
        offsets: applied.map((row) => ({ partition: row.partition, before: row.before, after: row.after })),
      }),
    },
  );
  return { groupId: request.groupId, topic: request.topic, rows };
}

async function readBack(
  cluster: { id: string; bootstrapServers: string },
  request: TOffsetResetRequest,
  planned: TOffsetResetRow[],
): Promise<TOffsetResetRow[]> {
  const deadline = Date.now() + READ_BACK_TIMEOUT_MS;
  for (;;) {
    const partitions = planned.map((row) => row.partition);
    const committed = await readCommittedOffsets(cluster, request.groupId, request.topic, partitions);
    const rows = planned.map((row) => ({ ...row, after: committed.get(row.partition)?.toString() ?? "none" }));
    const differing = rows.find((row, index) => row.after !== planned[index]?.after);
    if (!differing) return rows;
    if (Date.now() > deadline) {
      throw new AppError(
        "CONFLICT",
        `Kafka accepted the reset, but partition ${differing.partition} is now at ${differing.after}: something else committed after it.`,
        "A consumer of the group probably started and committed its own position; stop every consumer in the group, then reset again.",
      );
    }
    await delay(READ_BACK_INTERVAL_MS);
  }
}
