import { withAdmin, type ClusterTarget } from "../client-registry";

/**
 * Makes the broker create __consumer_offsets (FindCoordinator does, on first use) so tests have an
 * internal topic. While its 50 partitions load the coordinator answers NOT_COORDINATOR; kafkajs's
 * own retry backoff paces the attempts.
 */
export async function ensureConsumerOffsetsTopic(target: ClusterTarget): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withAdmin(target, (admin) => admin.describeGroups(["tributary-test-probe"]));
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
}
