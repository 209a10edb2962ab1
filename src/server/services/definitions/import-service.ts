import "server-only";
import type { z } from "zod";
import type { TTopicDefinitionFields } from "~/domain/definitions/definition";
import type { TImportDraft } from "~/domain/definitions/definition-dto";
import type { ZImportDraftsInput, ZImportTopicsInput } from "~/domain/definitions/definition-requests";
import type { TLiveTopic } from "~/domain/definitions/drift";
import { guessLayer } from "~/domain/definitions/guess-layer";
import { AppError } from "~/lib/app-error";
import { pluralize } from "~/lib/format";
import { listDefinitions } from "~/server/db/topic-definitions";
import { readRecentValues } from "~/server/kafka/messages/recent-values";
import { readLiveCluster } from "~/server/kafka/topics/live-topics";
import { topicNotFound } from "~/server/kafka/topics/topic-metadata";
import { recordRead, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange, type TRegisteredCluster } from "../clusters/registered-clusters";
import { prepareWrite, saveImported } from "./definition-writes";
import { inferFromValues } from "./draft-schema";

/** Enough values to see optional keys and mixed types without reading much of a busy topic. */
export const DEFAULT_IMPORT_SAMPLE_PER_PARTITION = 50;
/** Topics sampled at once: a few in parallel, not 500 Fetch rounds at the same moment. */
const SAMPLE_CONCURRENCY = 4;

async function draftFor(cluster: TRegisteredCluster, live: TLiveTopic, perPartition: number): Promise<TImportDraft> {
  const values = await readRecentValues(cluster, live.name, perPartition);
  const inferred =
    perPartition === 0
      ? { inferredSchemaText: null, sampled: 0, note: "No values were sampled, so no schema was inferred." }
      : inferFromValues(values.map((record) => record.value));
  const definition: TTopicDefinitionFields = {
    topicName: live.name,
    layer: guessLayer(live.name),
    owner: "",
    description: "",
    tags: [],
    keyDescription: "",
    partitions: live.partitions,
    replicationFactor: live.replicationFactor,
    configs: live.configs,
    schemaFormat: inferred.inferredSchemaText === null ? null : "json",
    compatibility: "backward",
    produceValidation: "refuse",
  };
  return { definition, ...inferred };
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Existing topics as drafts: live partitions, replication factor and config overrides, a layer
 * guessed from the name, and a JSON Schema inferred from the newest values of each partition (read
 * without a consumer group; one audit row, since it reads message data).
 */
export async function importDrafts(
  by: TAuditActor,
  input: z.output<typeof ZImportDraftsInput>,
): Promise<TImportDraft[]> {
  const cluster = await getCluster(input.clusterId);
  const live = await readLiveCluster(cluster, { configsOf: input.topicNames, overridesOnly: true });
  const topics = input.topicNames.map((name) => {
    const topic = live.topics.get(name);
    if (!topic) throw topicNotFound(name);
    return topic;
  });
  const perPartition = input.samplePerPartition ?? DEFAULT_IMPORT_SAMPLE_PER_PARTITION;
  await recordRead({
    by,
    action: "definition.import-sample",
    clusterId: cluster.id,
    target: input.topicNames.length === 1 ? input.topicNames[0]! : pluralize(input.topicNames.length, "topic"),
    details: { topicNames: input.topicNames, perPartition },
  });
  return mapWithConcurrency(topics, SAMPLE_CONCURRENCY, (topic) => draftFor(cluster, topic, perPartition));
}

/** Saves edited drafts (with their schema as version 1, or the next version) in one transaction. */
export async function importTopics(
  by: TAuditActor,
  input: z.output<typeof ZImportTopicsInput>,
): Promise<{ saved: number }> {
  const names = input.drafts.map((draft) => draft.definition.topicName);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new AppError("BAD_INPUT", `${duplicate} is imported twice.`, "Import each topic once.");
  const cluster = await getClusterForChange(input.clusterId);
  const existing = new Map(
    (await listDefinitions(input.clusterId)).map((definition) => [definition.topicName, definition]),
  );
  const writes = input.drafts.map(({ definition, schemaText }) => {
    const stored = existing.get(definition.topicName) ?? null;
    const isNew = schemaText !== null && schemaText !== stored?.schemaVersions.at(-1)?.text;
    return prepareWrite(stored, definition, isNew ? [schemaText] : []);
  });
  return saveImported(by, cluster, "definition.import", writes);
}
