import "server-only";
import type { TMessage } from "~/domain/messages/message";
import { AppError } from "~/lib/app-error";
import { withMetadata, type ClusterTarget } from "~/server/kafka/client-registry";
import { readPartitionStates, type TPartitionState } from "~/server/kafka/messages/partition-states";
import { readTailRange } from "~/server/kafka/messages/tail-range";
import { lookupTopicSchema } from "../schemas/topic-schema";
import { toMessage } from "../to-message";
import type { TTailCursor } from "./tail-cursor";

export type TTailStart = {
  /** The live part starts at these offsets (each partition's high watermark when subscribing). */
  starts: Map<number, bigint>;
  /** Sent before the live part: the gap since a reconnect, or the last N asked for. */
  preface: TMessage[];
  /** Offsets of that gap that will not be sent (beyond the queue's capacity, or deleted by retention). */
  skipped: number;
};

/**
 * Where a subscriber's tail starts. Checks that the topic and the chosen partitions exist. While
 * Kafka is down there is nothing to read yet: null, and the subscriber takes whatever the shared
 * reader reads once it recovers.
 */
export async function readTailStart(
  cluster: ClusterTarget,
  request: { topic: string; partitions: readonly number[] | null; last: number },
  resume: TTailCursor | null,
  maxGap: number,
): Promise<TTailStart | null> {
  let states: TPartitionState[];
  try {
    states = await withMetadata(cluster, (internal) => readPartitionStates(internal, request.topic));
  } catch (error) {
    if (error instanceof AppError && error.code === "KAFKA_UNREACHABLE") return null;
    throw error;
  }
  const chosen = request.partitions;
  const missing = (chosen ?? []).filter((partition) => !states.some((state) => state.partition === partition));
  if (missing.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      `The topic ${request.topic} has no partition ${missing.join(", ")}.`,
      `Choose a partition from 0 to ${states.length - 1}, or all partitions.`,
    );
  }
  const readable = states.filter((state) => state.leader !== null);
  const starts = new Map(readable.map((state) => [state.partition, state.high]));
  if (!resume && request.last <= 0) return { starts, preface: [], skipped: 0 };

  let deleted = 0n;
  const ranges = readable
    .filter((state) => !chosen || chosen.includes(state.partition))
    .map((state) => {
      let from = resume ? (resume.get(state.partition) ?? state.high) : state.high - BigInt(request.last);
      if (from > state.high) from = state.high;
      if (from < state.low) {
        if (resume) deleted += state.low - from;
        from = state.low;
      }
      return { partition: state.partition, leader: state.leader!, from, to: state.high };
    });
  const { records, cutOffsets } = await withMetadata(cluster, (internal) =>
    // A gap is shared out over the partitions, so the first event stays about one queue long.
    readTailRange(
      internal,
      request.topic,
      ranges,
      resume ? Math.max(1, Math.floor(maxGap / Math.max(1, ranges.length))) : request.last,
    ),
  );
  const { codec } = await lookupTopicSchema(cluster.id, request.topic);
  let preface = records.map((record) => toMessage(record, undefined, codec));
  if (!resume) {
    // The newest N across the chosen partitions, oldest first like the live part.
    preface = preface.sort((a, b) => Number(BigInt(a.timestamp) - BigInt(b.timestamp))).slice(-request.last);
  }
  return { starts, preface, skipped: resume ? Number(cutOffsets + deleted) : 0 };
}
