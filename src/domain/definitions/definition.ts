/**
 * A topic definition: the intended state of one topic — what Kafka should hold and what Kafka does
 * not keep (layer, owner, description, key, value schema). Shared by the server, the forms, the
 * YAML file format and the pipeline designer's topic nodes.
 */
import { z } from "zod";
import { ZTopicSpec } from "~/domain/topics/topic-spec";

/** The seeds' grouping of data by what it holds. */
export const TOPIC_LAYERS = ["raw", "clean", "processed", "results", "prototype"] as const;
export type TTopicLayer = (typeof TOPIC_LAYERS)[number];

export const LAYER_LABELS: Record<TTopicLayer, string> = {
  raw: "Raw data",
  clean: "Clean data",
  processed: "Processed data",
  results: "Model results",
  prototype: "Prototypes",
};

export const SCHEMA_FORMATS = ["json", "avro", "protobuf"] as const;
export type TSchemaFormat = (typeof SCHEMA_FORMATS)[number];

export const SCHEMA_FORMAT_LABELS: Record<TSchemaFormat, string> = {
  json: "JSON Schema",
  avro: "Avro",
  protobuf: "Protobuf",
};

/**
 * How a new schema version must relate to the previous one, in the Schema Registry's sense:
 * backward — consumers on the new schema read data written with the previous one;
 * forward — consumers on the previous schema read data written with the new one; full — both.
 */
export const COMPATIBILITY_MODES = ["backward", "forward", "full", "none"] as const;
export type TCompatibility = (typeof COMPATIBILITY_MODES)[number];

/** What produce does with a value that breaks the topic's schema. */
export const PRODUCE_VALIDATION_MODES = ["refuse", "warn", "off"] as const;
export type TProduceValidation = (typeof PRODUCE_VALIDATION_MODES)[number];

export const TAG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/**
 * What a person edits and what the YAML file holds. The Kafka half (name, partitions, replication
 * factor, configs) follows the create dialog's rules (ZTopicSpec) with the same sentences.
 */
export const ZTopicDefinitionInput = z
  .object({
    topicName: z.string(),
    layer: z.enum(TOPIC_LAYERS),
    owner: z.string().trim().min(1, "Name an owner: the team or person to ask about this topic.").max(200),
    description: z.string().max(20_000).default(""),
    tags: z
      .array(z.string().regex(TAG_PATTERN, "A tag is lower-case letters, digits, '.', '_' or '-', at most 40."))
      .max(20)
      .default([]),
    keyDescription: z.string().max(500).default(""),
    partitions: z.number(),
    replicationFactor: z.number(),
    configs: z.record(z.string(), z.string()).default({}),
    schemaFormat: z.enum(SCHEMA_FORMATS).nullable().default(null),
    compatibility: z.enum(COMPATIBILITY_MODES).default("backward"),
    produceValidation: z.enum(PRODUCE_VALIDATION_MODES).default("refuse"),
  })
  .superRefine((definition, ctx) => {
    const spec = ZTopicSpec.safeParse({
      name: definition.topicName,
      partitions: definition.partitions,
      replicationFactor: definition.replicationFactor,
      configs: definition.configs,
    });
    if (spec.success) return;
    for (const issue of spec.error.issues) {
      const [first, ...rest] = issue.path;
      const path = first === "name" ? ["topicName", ...rest] : issue.path;
      ctx.addIssue({ code: "custom", path, message: issue.message });
    }
  });
export type TTopicDefinitionInput = z.input<typeof ZTopicDefinitionInput>;
export type TTopicDefinitionFields = z.output<typeof ZTopicDefinitionInput>;

/** One version of a definition's value schema; `id` doubles as the Confluent wire-format schema id. */
export type TSchemaVersion = {
  id: number;
  version: number;
  format: TSchemaFormat;
  text: string;
  createdAt: Date;
  createdBy: string;
};

/** A stored definition as the server returns it. */
export type TTopicDefinition = TTopicDefinitionFields & {
  id: string;
  clusterId: string;
  /** Oldest first; empty when there is no schema yet. */
  schemaVersions: TSchemaVersion[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
};
