import "server-only";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import {
  produceSizeProblem,
  ZProduceRequest,
  type TProducePayload,
  type TProduceRequest,
  type TProduceResult,
} from "~/domain/messages/produce-request";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";
import { partitionCountOf, producePlaced, type TPlacedRecord } from "~/server/kafka/messages/produce-placed";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster } from "../clusters/registered-clusters";
import { prepareProduceValue } from "./schemas/produce-value";
import { lookupTopicSchema } from "./schemas/topic-schema";

/**
 * Produces a message `repeat` times (or replays one) and reports where each landed. Partitions are
 * chosen here — by key with Kafka's murmur2, round robin without a key — so every offset is known.
 */
export async function produceMessages(by: TAuditActor, input: TProduceRequest): Promise<TProduceResult> {
  const request = ZProduceRequest.parse(input);
  const tooLarge = produceSizeProblem(request, env.PRODUCE_MAX_BYTES);
  if (tooLarge) throw new AppError("BAD_INPUT", tooLarge, "Send fewer repeats or a smaller message.");
  const cluster = await getCluster(request.clusterId);
  // Judged before the audit row: a refused value changes nothing.
  const value = prepareProduceValue(await lookupTopicSchema(cluster.id, request.topic), request.value);
  const action = request.replayOf ? "messages.replay" : "messages.produce";
  const details = {
    repeat: request.repeat,
    partition: request.partition,
    ...(request.replayOf ? { replayOf: request.replayOf } : {}),
  };

  return audited({ by, action, cluster, target: request.topic, details }, async () => {
    const partitionCount = await partitionCountOf(cluster, request.topic);
    const key = toBytes(request.key);
    const partitions = placePartitions(request.partition, key, partitionCount, request.repeat);
    const template = {
      key,
      value: value.bytes,
      headers: request.headers.map((h) => ({ key: h.key, value: toBytes(h.value) })),
    };
    const records: TPlacedRecord[] = partitions.map((partition) => ({ ...template, partition }));
    const baseOffsets = await producePlaced(cluster, request.topic, records);
    return {
      count: records.length,
      placements: placements(partitions, baseOffsets),
      ...(value.warning ? { warning: value.warning } : {}),
    };
  });
}

function placePartitions(choice: "key" | number, key: Buffer | null, partitionCount: number, repeat: number): number[] {
  if (typeof choice === "number") {
    if (choice >= partitionCount) {
      throw new AppError(
        "BAD_INPUT",
        `Partition ${choice} does not exist: the topic has ${partitionCount} partitions (0–${partitionCount - 1}).`,
      );
    }
    return Array.from({ length: repeat }, () => choice);
  }
  if (key !== null) return Array.from({ length: repeat }, () => partitionForKey(key, partitionCount));
  // Without a key Kafka spreads messages; round robin from a random start spreads repeats evenly.
  const start = Math.floor(Math.random() * partitionCount);
  return Array.from({ length: repeat }, (_, index) => (start + index) % partitionCount);
}

function placements(partitions: number[], baseOffsets: Map<number, bigint>): TProduceResult["placements"] {
  const counts = new Map<number, number>();
  for (const partition of partitions) counts.set(partition, (counts.get(partition) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([partition, count]) => {
      const first = baseOffsets.get(partition) ?? 0n;
      return { partition, firstOffset: first.toString(), lastOffset: (first + BigInt(count) - 1n).toString() };
    });
}

function toBytes(payload: TProducePayload | null): Buffer | null {
  if (payload === null) return null;
  return "text" in payload ? Buffer.from(payload.text, "utf8") : Buffer.from(payload.base64, "base64");
}
