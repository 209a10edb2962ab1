import "server-only";
import { AppError } from "~/lib/app-error";
import { withAdmin, withMetadata, type ClusterTarget } from "../client-registry";
import { readTopicMetadata } from "./topic-metadata";

/**
 * Deletes a topic and all its records. Kafka's internal topics are refused here: deleting
 * __consumer_offsets would erase every group's committed offsets.
 */
export async function deleteTopic(target: ClusterTarget, name: string): Promise<void> {
  const isInternal = await withMetadata(target, async (cluster) => {
    const { topic } = await readTopicMetadata(cluster, name);
    return topic.isInternal;
  });
  if (isInternal) throw new AppError("BAD_INPUT", "Kafka's internal topics cannot be deleted.");
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [name] }));
}
