import kafkajs from "kafkajs";
import { IdCounter } from "./id-ledger";

/** One record as a downstream reader sees it (values as text: they are JSON in these tests). */
export type TCollectedRecord = {
  partition: number;
  offset: string;
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
};

/**
 * Reads a topic from its beginning the way a downstream application would: a kafkajs consumer in a
 * group of its own, read_committed (so an aborted transaction's records never count), counting the
 * `id` of every JSON value once per offset. `keep` also keeps every record (the stateful and dead-letter tests
 * compare them whole).
 */
export type TOutputCollector = {
  topic: string;
  groupId: string;
  ids: IdCounter;
  records: TCollectedRecord[];
  /** True once this reader has read past `endOffsets` (per partition, from fetchTopicOffsets). */
  hasReached(endOffsets: ReadonlyArray<{ partition: number; high: string }>): boolean;
  stop(): Promise<void>;
};

function headersOf(headers: kafkajs.IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

export async function startOutputCollector(
  kafka: kafkajs.Kafka,
  topic: string,
  options: { groupId: string; keep?: boolean },
): Promise<TOutputCollector> {
  const ids = new IdCounter();
  const records: TCollectedRecord[] = [];
  const positions = new Map<number, bigint>();
  /** Per partition, the offset after the last record counted. */
  const counted = new Map<number, bigint>();
  const consumer = kafka.consumer({
    groupId: options.groupId,
    readUncommitted: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 200,
  });
  // Batches of only transaction markers reach no handler, but this event: the position moves past them.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const next = BigInt(payload.lastOffset) + 1n;
    if (next > (positions.get(payload.partition) ?? 0n)) positions.set(payload.partition, next);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      // This reader's own group may rebalance (its coordinator was on a stopped broker) and read
      // again from its last commit: a record at an offset already counted is that re-read, not a
      // duplicate the pipeline wrote (which would sit at an offset of its own).
      const offset = BigInt(message.offset);
      if (offset < (counted.get(partition) ?? 0n)) return;
      counted.set(partition, offset + 1n);
      const value = message.value?.toString() ?? null;
      const id = idOf(value);
      if (id !== null) ids.add(id);
      if (options.keep) {
        records.push({
          partition,
          offset: message.offset,
          timestamp: Number(message.timestamp),
          key: message.key?.toString() ?? null,
          value,
          headers: headersOf(message.headers),
        });
      }
    },
  });
  return {
    topic,
    groupId: options.groupId,
    ids,
    records,
    hasReached: (endOffsets) =>
      endOffsets.every(
        ({ partition, high }) => BigInt(high) === 0n || (positions.get(partition) ?? 0n) >= BigInt(high),
      ),
    stop: () => consumer.disconnect(),
  };
}

function idOf(value: string | null): number | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "object" && parsed !== null && "id" in parsed && typeof parsed.id === "number")
      return parsed.id;
  } catch {
    // Not JSON (a malformed record passed on as it was): it has no id to count.
  }
  return null;
}
