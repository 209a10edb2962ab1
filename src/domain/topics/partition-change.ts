import { formatCount, pluralize } from "~/lib/format";
import { PARTITIONS_MAX_MESSAGE, TOPIC_PARTITIONS_MAX } from "./topic-spec";

export type TPartitionChangeCheck = { ok: true; warnings: string[] } | { ok: false; message: string };

/**
 * Checks a new partition count for an existing topic. Kafka's CreatePartitions only adds partitions
 * (INVALID_PARTITIONS otherwise): removing one would drop its records.
 */
export function validatePartitionIncrease(current: number, requested: number): TPartitionChangeCheck {
  if (!Number.isInteger(requested)) return { ok: false, message: "The number of partitions must be a whole number." };
  if (requested === current) return { ok: false, message: `It already has ${pluralize(current, "partition")}.` };
  if (requested < current) {
    const count = formatCount(current);
    return {
      ok: false,
      message: `A topic's partitions can be added but never removed: it has ${count}, so choose more than ${count}.`,
    };
  }
  if (requested > TOPIC_PARTITIONS_MAX) return { ok: false, message: PARTITIONS_MAX_MESSAGE };
  return {
    ok: true,
    // The default partitioner picks hash(key) % partitions, so most keys move to another partition.
    warnings: [
      "Records with a key may go to a different partition from now on, so per-key order holds only among records written after the change.",
    ],
  };
}
