import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { readTopicMetadata } from "./topic-metadata";
import { untilApplied } from "./until-applied";
import { fetchWatermarks } from "./watermarks";

/**
 * Resolves once the topic has at least `count` partitions and every leader answers ListOffsets
 * for them. kafkajs's `waitForLeaders` is not enough on KRaft: it asks a broker that may not
 * have applied the new topic yet and gives up on UNKNOWN_TOPIC_OR_PARTITION.
 */
export async function untilPartitionsServe(
  target: ClusterTarget,
  name: string,
  count: number,
  change: string,
): Promise<void> {
  await untilApplied(
    () =>
      withMetadata(target, async (cluster) => {
        const found = await readTopicMetadata(cluster, name).catch(() => null);
        if (!found || found.topic.partitionMetadata.length < count) return false;
        const watermarks = (await fetchWatermarks(cluster, [found.topic])).get(name);
        return watermarks?.size === found.topic.partitionMetadata.length;
      }),
    change,
  );
}
