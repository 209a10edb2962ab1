import "server-only";
import { AppError } from "~/lib/app-error";
import type { InternalCluster, RawMetadata } from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";

export type TRawTopicMetadata = { metadata: RawMetadata; topic: RawMetadata["topicMetadata"][number] };

export function topicNotFound(name: string): AppError {
  return new AppError(
    "NOT_FOUND",
    `There is no topic named ${name} on this cluster.`,
    "It may have been deleted; refresh the list.",
  );
}

/** One topic's metadata (and the brokers'), or NOT_FOUND when the cluster has no such topic. */
export async function readTopicMetadata(cluster: InternalCluster, name: string): Promise<TRawTopicMetadata> {
  const metadata = await cluster.metadata({ topics: [name] }).catch((error: unknown) => {
    throw kafkaErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION" ? topicNotFound(name) : error;
  });
  const topic = metadata.topicMetadata.find((candidate) => candidate.topic === name);
  if (!topic) throw topicNotFound(name);
  return { metadata, topic };
}
