import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { fetchWatermarks } from "./watermarks";

/** High watermarks (int64 strings) by topic, then by partition id, for every topic of the cluster. */
export type THighWatermarks = Map<string, Map<number, string>>;

/**
 * One Metadata request plus two ListOffsets per leader broker, however many topics there are: cheap
 * enough for the throughput sampler to run every few seconds. Partitions without a leader are absent.
 */
export function fetchHighWatermarks(target: ClusterTarget): Promise<THighWatermarks> {
  return withMetadata(target, async (cluster) => {
    const metadata = await cluster.metadata();
    const watermarks = await fetchWatermarks(cluster, metadata.topicMetadata);
    const result: THighWatermarks = new Map();
    for (const topic of metadata.topicMetadata) {
      const partitions = new Map<number, string>();
      for (const [partition, marks] of watermarks.get(topic.topic) ?? []) partitions.set(partition, marks.high);
      // A topic with every leader unknown is still listed, so the sampler keeps its history.
      result.set(topic.topic, partitions);
    }
    return result;
  });
}
