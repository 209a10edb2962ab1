import "server-only";
import { withAdmin, type ClusterTarget } from "./client-registry";

export type TEnsureTopic = {
  name: string;
  partitions: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
};

/** Creates the topic unless it exists; says whether it did. An existing topic is left exactly as it is. */
export async function ensureTopic(target: ClusterTarget, topic: TEnsureTopic): Promise<boolean> {
  return withAdmin(target, async (admin) => {
    const existing = await admin.listTopics();
    if (existing.includes(topic.name)) return false;
    return admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor ?? -1, // -1: the broker's default.replication.factor
          configEntries: Object.entries(topic.configs ?? {}).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  });
}
