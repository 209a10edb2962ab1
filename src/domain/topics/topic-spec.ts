import { z } from "zod";
import { pluralize } from "~/lib/format";
import { crossConfigErrors, validateTopicConfig } from "./topic-configs";
import { findCollidingTopic, validateNewTopicName } from "./topic-name";

/**
 * The most partitions one topic may be created with here. Kafka's controller refuses more than
 * 10,000 partitions in one CreateTopics or CreatePartitions request (MAX_PARTITIONS_PER_BATCH).
 */
export const TOPIC_PARTITIONS_MAX = 10_000;

export const PARTITIONS_MAX_MESSAGE =
  "Choose at most 10,000 partitions; Kafka creates no more than that in one request.";

/** What the create form sends: everything Kafka's CreateTopics needs besides replica placement. */
export const ZTopicSpec = z
  .object({
    name: z.string(),
    partitions: z.number(),
    replicationFactor: z.number(),
    /** Topic-level config overrides, values as strings (as CreateTopics carries them). */
    configs: z.record(z.string(), z.string()),
  })
  // The same rules as validateTopicSpec minus those that need the live cluster, with the same sentences.
  .superRefine((spec, ctx) => {
    for (const [field, message] of Object.entries(specErrors(spec))) {
      const path = field.startsWith("configs.") ? ["configs", field.slice("configs.".length)] : [field];
      ctx.addIssue({ code: "custom", path, message });
    }
  });
export type TTopicSpec = z.infer<typeof ZTopicSpec>;

/** A form field: "name", "partitions", "replicationFactor" or "configs.<config name>". */
export type TTopicSpecField = "name" | "partitions" | "replicationFactor" | `configs.${string}`;

export type TTopicSpecContext = {
  /** Brokers registered and unfenced now: replicas can only be placed on these. */
  liveBrokerCount: number;
  existingTopicNames: readonly string[];
};

export type TTopicSpecCheck = {
  /** One sentence per field that blocks creation. */
  errors: Partial<Record<TTopicSpecField, string>>;
  /** Sentences worth reading before creating, which do not block it. */
  warnings: string[];
};

/** Every rule for a new topic, as the form shows them while typing and the server checks them again. */
export function validateTopicSpec(spec: TTopicSpec, context: TTopicSpecContext): TTopicSpecCheck {
  const errors = specErrors(spec);
  const warnings: string[] = [];
  const { name, replicationFactor: rf } = spec;

  if (errors.name === undefined) {
    const colliding = findCollidingTopic(name, context.existingTopicNames);
    if (context.existingTopicNames.includes(name)) {
      errors.name = `A topic named ${name} already exists.`;
    } else if (colliding !== null) {
      // A KRaft controller refuses this (INVALID_TOPIC_EXCEPTION), so it is an error, not a warning.
      errors.name = `${name} collides with the existing topic ${colliding}: Kafka's metric names treat '.' and '_' alike, so it refuses names that differ only there.`;
    }
  }

  if (errors.replicationFactor === undefined && rf > context.liveBrokerCount) {
    const brokers = pluralize(context.liveBrokerCount, "broker");
    errors.replicationFactor = `Replication factor ${rf} is larger than the ${brokers} in this cluster.`;
  }

  const minIsr = validMinInsyncReplicas(spec.configs);
  if (minIsr !== null && minIsr === rf && rf > 1) {
    warnings.push(
      `min.insync.replicas equals the replication factor (${rf}), so losing one broker will stop producers that use acks=all.`,
    );
  }
  if (rf === 1 && context.liveBrokerCount > 1) {
    warnings.push(
      "With a replication factor of 1 each partition has a single copy: if its broker goes down, the partition is unavailable until the broker returns.",
    );
  }
  return { errors, warnings };
}

/** The rules that need nothing but the spec itself. */
function specErrors(spec: TTopicSpec): Partial<Record<TTopicSpecField, string>> {
  const errors: Partial<Record<TTopicSpecField, string>> = {};
  const nameError = validateNewTopicName(spec.name);
  if (nameError !== null) errors.name = nameError;

  if (!Number.isInteger(spec.partitions)) errors.partitions = "The number of partitions must be a whole number.";
  else if (spec.partitions < 1) errors.partitions = "A topic needs at least 1 partition.";
  else if (spec.partitions > TOPIC_PARTITIONS_MAX) errors.partitions = PARTITIONS_MAX_MESSAGE;

  if (!Number.isInteger(spec.replicationFactor))
    errors.replicationFactor = "The replication factor must be a whole number.";
  else if (spec.replicationFactor < 1) errors.replicationFactor = "The replication factor must be at least 1.";

  const normalized: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.configs)) {
    const result = validateTopicConfig(key, value);
    if (result.ok) normalized[key] = result.normalized;
    else errors[`configs.${key}`] = result.message;
  }
  for (const [key, message] of Object.entries(crossConfigErrors(normalized))) errors[`configs.${key}`] = message;

  const minIsr = validMinInsyncReplicas(spec.configs);
  if (minIsr !== null && errors.replicationFactor === undefined && minIsr > spec.replicationFactor) {
    // Kafka accepts this topic, but every acks=all write to it would fail with NotEnoughReplicas.
    errors["configs.min.insync.replicas"] =
      `min.insync.replicas (${minIsr}) cannot be larger than the replication factor (${spec.replicationFactor}): producers using acks=all could never write.`;
  }
  return errors;
}

/** min.insync.replicas when it is set and valid; null otherwise (its own error says why). */
function validMinInsyncReplicas(configs: Readonly<Record<string, string>>): number | null {
  const value = configs["min.insync.replicas"];
  if (value === undefined) return null;
  const result = validateTopicConfig("min.insync.replicas", value);
  return result.ok ? Number(result.normalized) : null;
}
