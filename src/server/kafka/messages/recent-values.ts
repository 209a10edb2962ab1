import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { readPartitionStates } from "./partition-states";
import { readTailRange } from "./tail-range";

export type TRecentValue = { partition: number; offset: string; value: Uint8Array | null };

/**
 * The values of the newest `perPartition` offsets of every partition, read with plain Fetch
 * requests (no consumer group, nothing committed). Offline partitions are skipped.
 */
export async function readRecentValues(
  target: ClusterTarget,
  topic: string,
  perPartition: number,
): Promise<TRecentValue[]> {
  if (perPartition <= 0) return [];
  return withMetadata(target, async (cluster) => {
    const states = await readPartitionStates(cluster, topic);
    const ranges = states.flatMap((state) =>
      state.leader === null || state.high === state.low
        ? []
        : [{ partition: state.partition, leader: state.leader, from: state.low, to: state.high }],
    );
    const { records } = await readTailRange(cluster, topic, ranges, perPartition);
    return records.map((record) => ({
      partition: record.partition,
      offset: record.offset.toString(),
      value: record.value,
    }));
  });
}
