import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { AppError } from "~/lib/app-error";
import { kafkaFor, type ClusterTarget } from "../client-registry";
import { createInternalCluster, type InternalCluster } from "../internal-cluster";
import { toKafkaAppError } from "../kafka-errors";
import { fetchRecords, type TPartitionFetch } from "./fetch-records";
import type { TFetchedRecord } from "./fetched-record";
import { readPartitionStates, type TPartitionState } from "./partition-states";

/**
 * The group-less live read of one topic: it starts at every partition's high watermark and long-polls
 * the leaders for what comes after, so nothing joins a group or commits. It keeps its own position
 * per partition, so a broker restart or a leader change costs a pause, never a record: after an
 * error it waits, reads the leaders again and continues where it was.
 *
 * Each reader has its own connections: a broker answers one request per connection at a time, so a
 * long poll on the shared metadata connection would hold up every other page's requests.
 */

export type TTailEvent =
  /** Positioned (or recovered): the partitions being read. */
  | { kind: "live"; partitions: number[] }
  | { kind: "records"; records: TFetchedRecord[] }
  | { kind: "down"; error: AppError; retryInMs: number };

export type TTailReaderOptions = {
  /** The broker answers at once when records arrive and after this long when none do. */
  maxWaitMs?: number;
  maxBytesPerPartition?: number;
  /** How often the partition list and leaders are read again, to follow added partitions. */
  metadataEveryMs?: number;
};

const DEFAULTS = { maxWaitMs: 300, maxBytesPerPartition: 256 * 1024, metadataEveryMs: 10_000 };

/** Retry spacing while Kafka does not answer: 1 s, 2 s, 4 s, then every 5 s. */
export function tailRetryDelayMs(consecutiveFailures: number): number {
  return Math.min(5_000, 1_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}

export async function* readTail(
  target: ClusterTarget,
  topic: string,
  signal: AbortSignal,
  options: TTailReaderOptions = {},
): AsyncGenerator<TTailEvent> {
  const settings = { ...DEFAULTS, ...options };
  /** Next offset to read per partition; survives errors so that recovery resumes, not restarts. */
  const positions = new Map<number, bigint>();
  let states: TPartitionState[] = [];
  let statesReadAt = 0;
  let failures = 0;
  let isFirstRead = true;
  let connected: InternalCluster | null = null;

  try {
    while (!signal.aborted) {
      try {
        connected ??= await connect(target);
        const cluster = connected;
        if (failures > 0 || Date.now() - statesReadAt >= settings.metadataEveryMs) {
          states = await readPartitionStates(cluster, topic);
          statesReadAt = Date.now();
          placeNewPartitions(positions, states, isFirstRead);
          clampPositions(positions, states);
          if (isFirstRead || failures > 0)
            yield { kind: "live", partitions: [...positions.keys()].sort((a, b) => a - b) };
          isFirstRead = false;
          failures = 0;
        }
        const reads = states.flatMap((state) =>
          state.leader === null
            ? []
            : [
                {
                  partition: state.partition,
                  leader: state.leader,
                  fromOffset: positions.get(state.partition) ?? state.high,
                },
              ],
        );
        if (reads.length === 0) {
          // No partition has a leader right now; look again soon rather than spin.
          await delay(settings.maxWaitMs, undefined, { signal }).catch(() => undefined);
          statesReadAt = 0;
          continue;
        }
        const fetched: TPartitionFetch[] = await fetchRecords(cluster, topic, reads, {
          maxWaitMs: settings.maxWaitMs,
          maxBytesPerPartition: settings.maxBytesPerPartition,
          signal,
        });
        const records: TFetchedRecord[] = [];
        for (const result of fetched) {
          positions.set(result.partition, result.nextOffset);
          records.push(...result.records);
        }
        if (records.length > 0 && !signal.aborted) yield { kind: "records", records };
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        const appError = toAppError(error, target, topic);
        // A broken connection is rebuilt from scratch rather than trusted to heal.
        if (appError.code === "KAFKA_UNREACHABLE" && connected) {
          void connected.disconnect().catch(() => undefined);
          connected = null;
        }
        const retryInMs = tailRetryDelayMs(failures);
        yield { kind: "down", error: appError, retryInMs };
        await delay(retryInMs, undefined, { signal }).catch(() => undefined);
      }
    }
  } finally {
    await connected?.disconnect().catch(() => undefined);
  }
}

async function connect(target: ClusterTarget): Promise<InternalCluster> {
  const cluster = createInternalCluster(kafkaFor(target));
  try {
    await cluster.connect();
  } catch (error) {
    await cluster.disconnect().catch(() => undefined);
    throw error;
  }
  return cluster;
}

/**
 * Partitions known at the start are read from their high watermark (only new records); a
 * partition that appears later was added while tailing, so all it holds is new.
 */
function placeNewPartitions(positions: Map<number, bigint>, states: readonly TPartitionState[], isFirstRead: boolean) {
  for (const state of states) {
    if (positions.has(state.partition) || state.leader === null) continue;
    positions.set(state.partition, isFirstRead ? state.high : state.low);
  }
}

/** Retention may delete records under a paused reader, and an unclean election may truncate above it. */
function clampPositions(positions: Map<number, bigint>, states: readonly TPartitionState[]) {
  for (const state of states) {
    const position = positions.get(state.partition);
    if (position === undefined || state.leader === null) continue;
    if (position < state.low) positions.set(state.partition, state.low);
    else if (position > state.high) positions.set(state.partition, state.high);
  }
}

function toAppError(error: unknown, target: ClusterTarget, topic: string): AppError {
  const appError = toKafkaAppError(error, target.bootstrapServers);
  if (appError.code !== "INTERNAL") return appError;
  return new AppError(
    "KAFKA_UNREACHABLE",
    `Reading new records of ${topic} failed.`,
    "Tributary retries on its own; check that the cluster's brokers are running.",
    { cause: error },
  );
}
