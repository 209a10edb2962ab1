import "server-only";
import type { z } from "zod";
import type { TLiveTopic } from "~/domain/definitions/drift";
import type { TPipelineFacts, TTopicFacts } from "~/domain/pipelines/pipeline-dto";
import type { ZFactsInput } from "~/domain/pipelines/pipeline-requests";
import { AppError } from "~/lib/app-error";
import { listDefinitionFacts, type TDefinitionFacts } from "~/server/db/topic-definition-facts";
import { readLiveCluster } from "~/server/kafka/topics/live-topics";
import { getCluster } from "../clusters/registered-clusters";

const CLEANUP_POLICY = "cleanup.policy";

const isCompact = (policy: string | undefined) =>
  policy
    ?.split(",")
    .map((part) => part.trim())
    .includes("compact") ?? false;

function sentenceOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error("Reading the live topics for pipeline facts failed unexpectedly.", error);
  return "Kafka could not be asked about this cluster's topics.";
}

function factsOf(definition: TDefinitionFacts | undefined, live: TLiveTopic | undefined): TTopicFacts {
  const livePolicy = live?.configs[CLEANUP_POLICY];
  return {
    exists: live !== undefined,
    partitions: live?.partitions ?? definition?.partitions ?? null,
    layer: definition?.layer ?? null,
    hasDefinition: definition !== undefined,
    keyed: (definition?.keyDescription.trim() ?? "") !== "",
    keyDescription: definition?.keyDescription ?? "",
    compacted: isCompact(livePolicy ?? definition?.configs[CLEANUP_POLICY]),
    hasSchema: definition?.hasSchema ?? false,
  };
}

/**
 * What the rules need about each named topic: its definition (layer, key, schema) and Kafka's
 * partitions and cleanup policy. One query and one Metadata + DescribeConfigs (cleanup.policy of
 * the named topics only) whatever the count. When Kafka cannot be asked the facts come from the
 * definitions alone, with the reason in `liveFailure`: the canvas keeps checking what it can.
 */
export async function pipelineFacts(input: z.output<typeof ZFactsInput>): Promise<TPipelineFacts> {
  const names = [...new Set(input.topics)];
  const cluster = await getCluster(input.clusterId);
  const [definitions, live] = await Promise.all([
    listDefinitionFacts(input.clusterId, names),
    names.length === 0
      ? Promise.resolve(null)
      : readLiveCluster(cluster, { configsOf: names, configNames: [CLEANUP_POLICY] }).catch((error: unknown) =>
          sentenceOf(error),
        ),
  ]);
  const byName = new Map(definitions.map((definition) => [definition.topicName, definition]));
  const liveTopics = typeof live === "string" || live === null ? new Map<string, TLiveTopic>() : live.topics;
  const topics: Record<string, TTopicFacts> = {};
  for (const name of names) topics[name] = factsOf(byName.get(name), liveTopics.get(name));
  return { topics, liveFailure: typeof live === "string" ? live : null };
}
