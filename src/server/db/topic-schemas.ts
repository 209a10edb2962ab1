import "server-only";
import {
  PRODUCE_VALIDATION_MODES,
  SCHEMA_FORMATS,
  type TProduceValidation,
  type TSchemaFormat,
} from "~/domain/definitions/definition";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** What reading and producing need of a topic's definition: the value schema's versions and the produce rule. */
export type TTopicSchemaRow = {
  format: TSchemaFormat;
  produceValidation: TProduceValidation;
  /** Oldest first; `id` is the Confluent wire-format schema id. */
  versions: { id: number; version: number; text: string }[];
};

/** Null when the topic has no definition, or its definition has no value schema (yet). Read-only. */
export function findTopicSchema(clusterId: string, topicName: string): Promise<TTopicSchemaRow | null> {
  return withDatabase(async () => {
    const row = await getDb().topicDefinition.findUnique({
      where: { clusterId_topicName: { clusterId, topicName } },
      select: {
        schemaFormat: true,
        produceValidation: true,
        schemaVersions: { select: { id: true, version: true, text: true }, orderBy: { version: "asc" } },
      },
    });
    const format = SCHEMA_FORMATS.find((candidate) => candidate === row?.schemaFormat);
    if (!row || !format || row.schemaVersions.length === 0) return null;
    const produceValidation = PRODUCE_VALIDATION_MODES.find((mode) => mode === row.produceValidation) ?? "refuse";
    return { format, produceValidation, versions: row.schemaVersions };
  });
}
