/**
 * The checks a plan makes on one definition before it proposes a step: which differences it will not
 * change, each with the sentence why. Pure; the plan (plan.ts) turns what passes into steps.
 */
import { crossConfigErrors, validateTopicConfig } from "~/domain/topics/topic-configs";
import { validateNewTopicName } from "~/domain/topics/topic-name";
import { PARTITIONS_MAX_MESSAGE, TOPIC_PARTITIONS_MAX } from "~/domain/topics/topic-spec";
import { formatCount, pluralize } from "~/lib/format";
import type { TDefinitionKafkaFields, TLiveTopic } from "./drift";

/** A field the plan leaves alone, with the sentence that says why; `field` as in TDriftField, or "topicName". */
export type TFieldRefusal = { field: string; sentence: string };

/** The configs of a definition that Kafka would accept, normalized, and a refusal for each of the rest. */
export type TCheckedConfigs = { valid: Record<string, string>; refusals: TFieldRefusal[] };

export function internalTopicRefusal(topicName: string): TFieldRefusal {
  return {
    field: "topicName",
    sentence: `${topicName} is internal to Kafka; Tributary neither creates nor changes topics whose names start with '__'.`,
  };
}

/** Name, partitions and replication factor of a topic that does not exist yet. */
export function newTopicRefusals(definition: TDefinitionKafkaFields, liveBrokerCount: number): TFieldRefusal[] {
  const refusals: TFieldRefusal[] = [];
  const nameError = validateNewTopicName(definition.topicName);
  if (nameError !== null) refusals.push({ field: "topicName", sentence: nameError });
  const partitionsError = partitionCountError(definition.partitions);
  if (partitionsError !== null) refusals.push({ field: "partitions", sentence: partitionsError });
  const rf = definition.replicationFactor;
  if (!Number.isInteger(rf) || rf < 1) {
    refusals.push({
      field: "replicationFactor",
      sentence: "The replication factor must be a whole number, at least 1.",
    });
  } else if (rf > liveBrokerCount) {
    refusals.push({
      field: "replicationFactor",
      sentence: `Replication factor ${rf} is larger than the ${pluralize(liveBrokerCount, "live broker")} in this cluster, so Kafka cannot place the replicas.`,
    });
  }
  return refusals;
}

/** The partition count of an existing topic: Kafka only ever adds partitions. */
export function partitionChangeRefusal(definition: TDefinitionKafkaFields, live: TLiveTopic): TFieldRefusal | null {
  const { partitions } = definition;
  if (partitions === live.partitions) return null;
  const countError = partitionCountError(partitions);
  if (countError !== null) return { field: "partitions", sentence: countError };
  if (partitions < live.partitions) {
    return {
      field: "partitions",
      sentence: `Kafka never removes partitions: ${live.name} has ${formatCount(live.partitions)} and the definition asks for ${formatCount(partitions)}; removing one would drop its records.`,
    };
  }
  return null;
}

/** Changing the replication factor means moving replicas between brokers (a reassignment). */
export function replicationFactorRefusal(definition: TDefinitionKafkaFields, live: TLiveTopic): TFieldRefusal | null {
  if (definition.replicationFactor === live.replicationFactor) return null;
  return {
    field: "replicationFactor",
    sentence: `${live.name} has replication factor ${live.replicationFactor} and the definition asks for ${definition.replicationFactor}; that needs a partition reassignment, which Tributary does not do. Use kafka-reassign-partitions, or change the definition.`,
  };
}

/**
 * Every config of the definition checked as the create dialog checks it, plus the rules across
 * configs on the set the topic would end with (`base`: the live configs, or none for a new topic),
 * plus min.insync.replicas against the replication factor the topic will have.
 */
export function checkConfigs(
  configs: Readonly<Record<string, string>>,
  base: Readonly<Record<string, string>>,
  replicationFactor: number,
): TCheckedConfigs {
  const valid: Record<string, string> = {};
  const refusals: TFieldRefusal[] = [];
  // Sorted, so refusals and steps read in the same order whatever order the file was written in.
  for (const name of Object.keys(configs).sort()) {
    const result = validateTopicConfig(name, configs[name] ?? "");
    if (result.ok) valid[name] = result.normalized;
    else refusals.push({ field: `configs.${name}`, sentence: result.message });
  }
  for (const [name, sentence] of Object.entries(crossConfigErrors({ ...base, ...valid }))) {
    // The rule's sentence names every config it involves; none of those the definition sets is applied.
    for (const involved of Object.keys(valid).filter((key) => key === name || sentence.includes(key))) {
      delete valid[involved];
      refusals.push({ field: `configs.${involved}`, sentence });
    }
  }
  const minIsr = valid["min.insync.replicas"];
  if (minIsr !== undefined && Number(minIsr) > replicationFactor) {
    delete valid["min.insync.replicas"];
    refusals.push({
      field: "configs.min.insync.replicas",
      sentence: `min.insync.replicas (${minIsr}) cannot be larger than the replication factor (${replicationFactor}): producers using acks=all could never write.`,
    });
  }
  return { valid, refusals };
}

function partitionCountError(partitions: number): string | null {
  if (!Number.isInteger(partitions)) return "The number of partitions must be a whole number.";
  if (partitions < 1) return "A topic needs at least 1 partition.";
  if (partitions > TOPIC_PARTITIONS_MAX) return PARTITIONS_MAX_MESSAGE;
  return null;
}
