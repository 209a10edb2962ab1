import "server-only";
import { validatePartitionIncrease } from "~/domain/topics/partition-change";
import { AppError } from "~/lib/app-error";
import { withAdmin, withMetadata, type ClusterTarget } from "../client-registry";
import { kafkaErrorType } from "../kafka-errors";
import { readTopicMetadata } from "./topic-metadata";
import { untilPartitionsServe } from "./partitions-ready";

/**
 * Raises a topic's partition count to `count`. A decrease is refused here with the same sentence
 * the form shows, before Kafka is asked: Kafka can only add partitions. Resolves once the new
 * partitions have leaders that serve them.
 */
export async function addPartitions(target: ClusterTarget, name: string, count: number): Promise<void> {
  const current = await currentPartitionCount(target, name);
  const check = validatePartitionIncrease(current, count);
  if (!check.ok) throw new AppError("BAD_INPUT", check.message);
  await withAdmin(target, async (admin) => {
    try {
      await admin.createPartitions({ topicPartitions: [{ topic: name, count }] });
      await untilPartitionsServe(target, name, count, "new partition count");
    } catch (error) {
      // Someone else changed the count between our check and Kafka's: say what it is now.
      if (kafkaErrorType(error) === "INVALID_PARTITIONS") {
        const now = await currentPartitionCount(target, name);
        const recheck = validatePartitionIncrease(now, count);
        throw new AppError(
          "KAFKA_REJECTED",
          recheck.ok ? "Kafka refused the new partition count." : recheck.message,
          undefined,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  });
}

async function currentPartitionCount(target: ClusterTarget, name: string): Promise<number> {
  return withMetadata(target, async (cluster) => {
    const { topic } = await readTopicMetadata(cluster, name);
    return topic.partitionMetadata.length;
  });
}
