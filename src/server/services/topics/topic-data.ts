import "server-only";
import { summarizeKeyDistribution, type KeyDistribution } from "~/domain/partitioner/key-distribution";
import type { TPartitionTimestamps, TSampledKey } from "~/domain/topics/topic-dto";
import { describeTopic } from "~/server/kafka/topics/describe-topic";
import { readPartitionTimestamps } from "~/server/kafka/topics/partition-timestamps";
import { sampleRecentKeys } from "~/server/kafka/topics/sample-keys";
import { recordRead, type TAuditActor } from "../audit/audited";
import { getCluster } from "../clusters/registered-clusters";

export type TKeySample = { records: TSampledKey[]; distribution: KeyDistribution };

/**
 * The keys of the most recent `limit` records, spread over partitions in proportion to the records
 * each retains — an even split per partition would make every partition look equally busy.
 */
export async function sampleKeys(by: TAuditActor, clusterId: string, name: string, limit: number): Promise<TKeySample> {
  const cluster = await getCluster(clusterId);
  const [records, topic] = await Promise.all([
    sampleRecentKeys(cluster, name, { limit, spread: "byRetained" }),
    describeTopic(cluster, name),
  ]);
  // The partition count from metadata, so partitions the sample never hit count as empty.
  const distribution = summarizeKeyDistribution(records, { partitionCount: topic.partitions.length });
  // The sample holds the keys themselves (message data), so it is logged like a browse.
  await recordRead({
    by,
    action: "topic.key-sample",
    clusterId,
    target: name,
    details: { limit, count: records.length },
  });
  return { records, distribution };
}

export async function partitionTimestamps(clusterId: string, name: string): Promise<TPartitionTimestamps[]> {
  return readPartitionTimestamps(await getCluster(clusterId), name);
}
