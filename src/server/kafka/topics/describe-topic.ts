import "server-only";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { readTopicMetadata } from "./topic-metadata";
import { describeTopicConfigs, toTopicConfigEntry } from "./topic-config-reads";
import { fetchWatermarks } from "./watermarks";

/** One topic: every partition with its replicas and watermarks, and every config with its source. */
export async function describeTopic(target: ClusterTarget, name: string): Promise<TTopicDescription> {
  return withMetadata(target, async (cluster) => {
    const { metadata, topic } = await readTopicMetadata(cluster, name);
    const [watermarks, configs] = await Promise.all([
      fetchWatermarks(cluster, [topic]),
      describeTopicConfigs(cluster, metadata, [name], null),
    ]);
    const marks = watermarks.get(name);
    return {
      name,
      isInternal: topic.isInternal,
      partitions: topic.partitionMetadata
        .map((partition) => ({
          partition: partition.partitionId,
          leader: partition.leader < 0 ? null : partition.leader,
          replicas: partition.replicas,
          isr: partition.isr,
          offlineReplicas: partition.offlineReplicas ?? [],
          lowWatermark: marks?.get(partition.partitionId)?.low ?? null,
          highWatermark: marks?.get(partition.partitionId)?.high ?? null,
        }))
        .sort((a, b) => a.partition - b.partition),
      configs: (configs.get(name) ?? []).map(toTopicConfigEntry).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
