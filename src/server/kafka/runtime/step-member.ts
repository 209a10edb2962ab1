import "server-only";
import type { ClusterTarget } from "../client-registry";
import { ensureTopic } from "../ensure-topic";
import type { TChangelogEntry, TStepMember, TStepMemberOptions } from "./step-member-types";

/** Joins the step's group and runs until stopped. (Placeholder of the shared contract: filled by the runtime work.) */
export async function startStepMember(options: TStepMemberOptions): Promise<TStepMember> {
  void options;
  throw new Error("startStepMember is not built yet.");
}

/**
 * Reads one partition of a changelog topic from its start to its end as it is now (read committed),
 * without a consumer group. (Placeholder of the shared contract.)
 */
export async function readChangelogPartition(
  cluster: ClusterTarget,
  topic: string,
  partition: number,
  signal?: AbortSignal,
): Promise<TChangelogEntry[]> {
  void cluster;
  void topic;
  void partition;
  void signal;
  throw new Error("readChangelogPartition is not built yet.");
}

/**
 * Creates the step's compacted changelog topic when missing, with the input topic's partition count
 * (one changelog partition per input partition). Returns true when it created it.
 */
export function ensureChangelogTopic(
  cluster: ClusterTarget,
  topic: string,
  partitions: number,
  replicationFactor: number,
): Promise<boolean> {
  return ensureTopic(cluster, {
    name: topic,
    partitions,
    replicationFactor,
    configs: { "cleanup.policy": "compact" },
  });
}
