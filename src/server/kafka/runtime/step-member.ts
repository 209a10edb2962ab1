import "server-only";
import type { Consumer, EachBatchPayload, KafkaMessage } from "kafkajs";
import { withAdmin, type ClusterTarget } from "../client-registry";
import { ensureTopic } from "../ensure-topic";
import { AppError } from "~/lib/app-error";
import { toKafkaAppError } from "../kafka-errors";
import { openAckedWriter, type TAckedWriter } from "./acked-writer";
import { readChangelog } from "./changelog-reader";
import { memberKafka, MEMBER_RETRY } from "./member-client";
import { kafkaFailureSentence, processorFailureSentence } from "./member-failures";
import { createPartitionSlots, type TPartitionSlot } from "./partition-slots";
import { openPartitionTransactions } from "./partition-transactions";
import { toInRecords } from "./record-mapping";
import type { TChangelogEntry, TStepMember, TStepMemberOptions } from "./step-member-types";

/**
 * Group timings of a step member. A runner killed without a goodbye holds its partitions until the
 * session times out, so it is short (the broker's minimum is 6 s); heartbeats every second keep
 * it alive and let members notice a rebalance quickly. kafkajs heartbeats only between fetches,
 * so a fetch waits at most half a second for new records.
 */
const GROUP_TIMINGS = { sessionTimeout: 10_000, rebalanceTimeout: 30_000, heartbeatInterval: 1_000 } as const;
const MAX_FETCH_WAIT_MS = 500;
/**
 * The longest one stage of a batch (opening its partition, processing, writing and committing) may
 * take. kafkajs bounds each request (30 s, then its retries), but a write caught in a broker restart
 * has been seen never to settle; the heartbeats below would then keep the partition held, and the
 * step stuck, for good. Past the deadline the member fails and the runner starts a fresh one, which
 * reads on from the last commit. Far above any healthy stage, state restores included.
 */
const STAGE_DEADLINE_MS = 90_000;
const RECOMMIT_INTERVAL_MS = 2_000;
/** Leaving the group and closing producers after a failure: best effort, never a second hang. */
const CLOSE_DEADLINE_MS = 10_000;
/** How long kafkajs may keep restarting a crashed consumer (retriable errors only) before the member fails. */
const RESTART_WITHIN_MS = 30_000;

/** Joins the step's group and runs until stopped or failed (see TStepMemberOptions). */
export async function startStepMember(options: TStepMemberOptions): Promise<TStepMember> {
  const { cluster, groupId, inputTopic } = options;
  const partitionCount = await countPartitions(cluster, inputTopic);
  const kafka = memberKafka(cluster, options.clientId);
  const consumer: Consumer = kafka.consumer({
    groupId,
    ...GROUP_TIMINGS,
    maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
    allowAutoTopicCreation: false,
    // Exactly-once downstream of another exactly-once step needs this; at-least-once loses nothing by it.
    readUncommitted: false,
    // kafkajs gives up joining at the first coordinator error (a broker restarting, a coordinator
    // moving or still loading): it may start again for a while; past that the runner hears of it.
    retry: { ...MEMBER_RETRY, restartOnFailure: () => Promise.resolve(mayRestart()) },
  });
  const writer: TAckedWriter | null = options.exactlyOnce
    ? null
    : await openAckedWriter(kafka, inputTopic).catch((error: unknown) => {
        throw toKafkaAppError(error, cluster.bootstrapServers);
      });

  let assigned: number[] = [];
  let memberId: string | null = null;
  let consumed = 0;
  let producedInTransactions = 0;
  let isHalted = false;
  let shutdown: Promise<void> | null = null;
  /** When the consumer first crashed since it last joined the group; null: it is healthy. */
  let crashingSince: number | null = null;

  function mayRestart(): boolean {
    crashingSince ??= Date.now();
    return !isHalted && Date.now() - crashingSince < RESTART_WITHIN_MS;
  }

  const slots = createPartitionSlots(async (partition): Promise<TPartitionSlot> => {
    if (!options.exactlyOnce)
      return { processor: await options.openPartition(partition), transactions: null, floor: null };
    // Fence the partition's previous owner first: only then are its state and offset final.
    const transactions = await openPartitionTransactions(kafka, {
      transactionalId: options.transactionalIdFor(partition),
      groupId,
      inputTopic,
      partition,
    });
    try {
      const floor = await committedOffset(cluster, groupId, inputTopic, partition);
      return { processor: await options.openPartition(partition), transactions, floor };
    } catch (error) {
      await transactions.close().catch(() => undefined);
      throw error;
    }
  });

  // At-least-once: an offset a rebalance refused (a broker restart moves the coordinator) is committed
  // again once the group has settled, for the partitions this member still holds.
  const recommitTimer = writer
    ? setInterval(() => {
        void writer.commitRefused(assigned, ({ topics }) =>
          consumer.commitOffsets(
            topics.flatMap(({ topic, partitions }) =>
              partitions.map(({ partition, offset }) => ({ topic, partition, offset })),
            ),
          ),
        );
      }, RECOMMIT_INTERVAL_MS)
    : null;

  function stopMember(): Promise<void> {
    isHalted = true;
    if (recommitTimer) clearInterval(recommitTimer);
    shutdown ??= (async () => {
      // Waits for the batches in flight (each writes and commits before it returns), then leaves the group.
      await settleWithin(consumer.disconnect(), CLOSE_DEADLINE_MS);
      await settleWithin(slots.closeAll(), CLOSE_DEADLINE_MS);
      await settleWithin(writer?.close() ?? Promise.resolve(), CLOSE_DEADLINE_MS);
    })();
    return shutdown;
  }

  /** Stops the member once; the runner hears of it when the member has left the group. */
  function fail(sentence: string): void {
    if (isHalted) return;
    void stopMember().then(() => options.onFailure?.(sentence));
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    if (isHalted) return;
    const { batch } = payload;
    const partition = batch.partition;
    const nextOffset = (BigInt(batch.lastOffset()) + 1n).toString();
    let slot: TPartitionSlot;
    try {
      slot = await withHeartbeats(payload, () => slots.get(partition));
    } catch (error) {
      return fail(kafkaFailureSentence(error, cluster, `Opening partition ${partition} of ${inputTopic}`));
    }
    const messages = aboveFloor(batch.messages, slot.floor);
    if (messages.length > 0) {
      const records = toInRecords(partition, messages);
      consumed += records.length;
      let outs;
      try {
        outs = await withHeartbeats(payload, () => slot.processor.process(records));
      } catch (error) {
        // Nothing of this batch was written and its offset stays uncommitted: it is read again.
        return fail(processorFailureSentence(error, inputTopic, partition));
      }
      try {
        // Writes wait for acks (and, at-least-once, for other partitions' writes queued first): on a
        // busy broker longer than the session, and a member dropped mid-write reads it all again.
        if (slot.transactions) {
          const transactions = slot.transactions;
          await withHeartbeats(payload, () => transactions.write(outs, nextOffset));
          producedInTransactions += outs.length;
        } else {
          await withHeartbeats(payload, () =>
            writer!.write(partition, outs, nextOffset, (offsets) => payload.commitOffsetsIfNecessary(offsets)),
          );
        }
      } catch (error) {
        return fail(
          kafkaFailureSentence(error, cluster, `Writing the results of partition ${partition} of ${inputTopic}`),
        );
      }
    }
    slot.floor = BigInt(nextOffset);
    payload.resolveOffset(batch.lastOffset());
  }

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    // A new member id means the group dropped us (session timeout) and others may have held our
    // partitions meanwhile: whatever we kept for them is stale.
    crashingSince = null;
    const isSameMember = memberId === null || memberId === payload.memberId;
    memberId = payload.memberId;
    assigned = [...(payload.memberAssignment[inputTopic] ?? [])].sort((a, b) => a - b);
    void slots.retainOnly(isSameMember ? assigned : []);
    options.onAssignment?.(assigned, payload.memberId);
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart) return;
    fail(kafkaFailureSentence(payload.error, cluster, `Consuming ${inputTopic} in group ${groupId}`));
  });

  try {
    await consumer.connect();
    await consumer.subscribe({ topic: inputTopic, fromBeginning: options.startFrom === "earliest" });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition it may hold is processed at once, so a slow partition holds back no other.
      partitionsConsumedConcurrently: Math.max(1, partitionCount),
      eachBatch,
    });
  } catch (error) {
    await stopMember();
    throw toKafkaAppError(error, cluster.bootstrapServers);
  }

  return {
    stop: stopMember,
    counts: () => ({ consumed, produced: producedInTransactions + (writer?.produced() ?? 0) }),
    partitions: () => (isHalted && shutdown ? [] : assigned),
    memberId: () => memberId,
  };
}

/** The batch's records at or after `floor`; usually all of them, checked on the first record alone. */
function aboveFloor(messages: KafkaMessage[], floor: bigint | null): KafkaMessage[] {
  if (floor === null || messages.length === 0 || BigInt(messages[0]!.offset) >= floor) return messages;
  return messages.filter((message) => BigInt(message.offset) >= floor);
}

/**
 * kafkajs heartbeats only between batches; a long restore or batch would otherwise make the group
 * think the member is gone. A heartbeat refused by a rebalance is left for kafkajs to see again
 * after the batch, when it rejoins.
 */
async function withHeartbeats<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    payload.heartbeat().catch(() => undefined);
  }, GROUP_TIMINGS.heartbeatInterval);
  let deadline: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    deadline = setTimeout(
      () =>
        reject(
          new AppError(
            "TIMEOUT",
            `Kafka did not finish it within ${STAGE_DEADLINE_MS / 1000} s.`,
            "The runner starts the step again from its last committed offset.",
          ),
        ),
      STAGE_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearInterval(timer);
    clearTimeout(deadline);
  }
}

/** Waits for `work` at most `ms`; its outcome, whatever it is, no longer matters after a failure. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

async function countPartitions(cluster: ClusterTarget, topic: string): Promise<number> {
  const metadata = await withAdmin(cluster, (admin) => admin.fetchTopicMetadata({ topics: [topic] }));
  return metadata.topics[0]?.partitions.length ?? 1;
}

/** The group's committed offset of one partition, or null when it has none. */
async function committedOffset(
  cluster: ClusterTarget,
  groupId: string,
  topic: string,
  partition: number,
): Promise<bigint | null> {
  const offsets = await withAdmin(cluster, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  const offset = offsets[0]?.partitions.find((candidate) => candidate.partition === partition)?.offset;
  return offset === undefined || offset.startsWith("-") ? null : BigInt(offset);
}

/**
 * Reads one partition of a changelog topic from its start to its end as it is now (read committed),
 * without a consumer group: the last value of each key, deleted keys (tombstones) left out.
 */
export function readChangelogPartition(
  cluster: ClusterTarget,
  topic: string,
  partition: number,
  signal?: AbortSignal,
): Promise<TChangelogEntry[]> {
  return readChangelog(cluster, topic, partition, signal);
}

/**
 * Creates the step's compacted changelog topic when missing, with the input topic's partition count
 * (one changelog partition per input partition). Returns true when it created it.
 */
export function ensureChangelogTopic(
  cluster: ClusterTarget,
  topic: string,
  partitions: number,
  replicationFactor: number,
): Promise<boolean> {
  return ensureTopic(cluster, {
    name: topic,
    partitions,
    replicationFactor,
    configs: { "cleanup.policy": "compact" },
  });
}
