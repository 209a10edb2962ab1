import "server-only";
import type {
  TCompatibility,
  TProduceValidation,
  TSchemaFormat,
  TSchemaVersion,
  TTopicDefinition,
  TTopicDefinitionFields,
  TTopicLayer,
} from "~/domain/definitions/definition";
import type { TDefinitionKafkaFields } from "~/domain/definitions/drift";
import type { Prisma, TopicDefinition, TopicSchemaVersion } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

// The string columns are written only by this module, from the domain's enums (definition.ts).
export function toSchemaVersion(row: TopicSchemaVersion): TSchemaVersion {
  return {
    id: row.id,
    version: row.version,
    format: row.format as TSchemaFormat,
    text: row.text,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

export function toDefinitionFields(row: TopicDefinition): TTopicDefinitionFields {
  return {
    topicName: row.topicName,
    layer: row.layer as TTopicLayer,
    owner: row.owner,
    description: row.description,
    tags: row.tags,
    keyDescription: row.keyDescription,
    partitions: row.partitions,
    replicationFactor: row.replicationFactor,
    configs: row.configs as Record<string, string>,
    schemaFormat: row.schemaFormat as TSchemaFormat | null,
    compatibility: row.compatibility as TCompatibility,
    produceValidation: row.produceValidation as TProduceValidation,
  };
}

function toDefinition(row: TopicDefinition & { schemaVersions: TopicSchemaVersion[] }): TTopicDefinition {
  return {
    ...toDefinitionFields(row),
    id: row.id,
    clusterId: row.clusterId,
    schemaVersions: row.schemaVersions.map(toSchemaVersion),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

const OLDEST_FIRST = { orderBy: { version: "asc" as const } };

function fieldsData(fields: TTopicDefinitionFields) {
  return { ...fields, configs: fields.configs as Prisma.InputJsonValue };
}

/** The catalogue's rows: every field, the newest schema version's number, the stored conformance. */
export type TDefinitionListRow = {
  fields: TTopicDefinitionFields;
  latestSchemaVersion: number | null;
  conformance: { checkedAt: Date; sampled: number; matched: number; failure: string | null } | null;
};

/**
 * Every definition of a cluster, by topic name. Two queries whatever the count (Prisma loads the
 * newest version and the conformance row per relation in one query each), schema texts left out.
 */
export function listDefinitionRows(clusterId: string, layer?: TTopicLayer): Promise<TDefinitionListRow[]> {
  return withDatabase(async () => {
    const rows = await getDb().topicDefinition.findMany({
      where: { clusterId, ...(layer ? { layer } : {}) },
      orderBy: { topicName: "asc" },
      include: {
        schemaVersions: { select: { version: true }, orderBy: { version: "desc" }, take: 1 },
        conformance: { select: { checkedAt: true, sampled: true, matched: true, failure: true } },
      },
    });
    return rows.map((row) => ({
      fields: toDefinitionFields(row),
      latestSchemaVersion: row.schemaVersions[0]?.version ?? null,
      conformance: row.conformance,
    }));
  });
}

/**
 * What drift and plans compare with Kafka, and nothing else: no schema texts, no descriptions. Only
 * the named topics when names are given (the definition page asks about one of thousands).
 */
export function listDefinitionKafkaFields(
  clusterId: string,
  topicNames?: readonly string[],
): Promise<TDefinitionKafkaFields[]> {
  return withDatabase(async () => {
    const rows = await getDb().topicDefinition.findMany({
      where: { clusterId, ...(topicNames ? { topicName: { in: [...topicNames] } } : {}) },
      orderBy: { topicName: "asc" },
      select: { topicName: true, partitions: true, replicationFactor: true, configs: true },
    });
    return rows.map((row) => ({ ...row, configs: row.configs as Record<string, string> }));
  });
}

/** Every definition of a cluster with all its schema versions (the YAML export, the CLI). */
export function listDefinitions(clusterId: string, layer?: TTopicLayer): Promise<TTopicDefinition[]> {
  return withDatabase(async () => {
    const rows = await getDb().topicDefinition.findMany({
      where: { clusterId, ...(layer ? { layer } : {}) },
      orderBy: { topicName: "asc" },
      include: { schemaVersions: OLDEST_FIRST },
    });
    return rows.map(toDefinition);
  });
}

export function findDefinition(clusterId: string, topicName: string): Promise<TTopicDefinition | null> {
  return withDatabase(async () => {
    const row = await getDb().topicDefinition.findUnique({
      where: { clusterId_topicName: { clusterId, topicName } },
      include: { schemaVersions: OLDEST_FIRST },
    });
    return row && toDefinition(row);
  });
}

/**
 * Creates the definition of `fields.topicName`, or updates the one stored under `previousTopicName`
 * (a rename) or under the same name. Versions and conformance stay with the row.
 */
export function upsertDefinition(
  clusterId: string,
  fields: TTopicDefinitionFields,
  by: string,
  previousTopicName?: string,
): Promise<TTopicDefinition> {
  const data = fieldsData(fields);
  return withDatabase(async () => {
    const row = await getDb().topicDefinition.upsert({
      where: { clusterId_topicName: { clusterId, topicName: previousTopicName ?? fields.topicName } },
      create: { ...data, clusterId, createdBy: by, updatedBy: by },
      update: { ...data, updatedBy: by },
      include: { schemaVersions: OLDEST_FIRST },
    });
    return toDefinition(row);
  });
}

export type TDefinitionWrite = { fields: TTopicDefinitionFields; schemaTexts: string[] };

/**
 * Saves many definitions in one transaction (imports): each is created or updated, and each of its
 * `schemaTexts` becomes the next version, in order. All or nothing.
 */
export function saveDefinitionsTogether(clusterId: string, writes: readonly TDefinitionWrite[], by: string) {
  return withDatabase(() =>
    getDb().$transaction(
      async (db) => {
        for (const { fields, schemaTexts } of writes) {
          const data = fieldsData(fields);
          const row = await db.topicDefinition.upsert({
            where: { clusterId_topicName: { clusterId, topicName: fields.topicName } },
            create: { ...data, clusterId, createdBy: by, updatedBy: by },
            update: { ...data, updatedBy: by },
            include: { schemaVersions: { orderBy: { version: "desc" }, take: 1 } },
          });
          let newest = row.schemaVersions[0];
          for (const text of schemaTexts) {
            if (!fields.schemaFormat) continue;
            newest = await db.topicSchemaVersion.create({
              data: {
                definitionId: row.id,
                version: (newest?.version ?? 0) + 1,
                format: fields.schemaFormat,
                text,
                createdBy: by,
              },
            });
          }
        }
        return writes.length;
      },
      // 500 definitions with their versions take more than Prisma's default 5 s on a busy machine.
      { timeout: 60_000 },
    ),
  );
}

/** False when there was no such definition. The topic itself is never touched here. */
export function deleteDefinition(clusterId: string, topicName: string): Promise<boolean> {
  return withDatabase(async () => {
    const { count } = await getDb().topicDefinition.deleteMany({ where: { clusterId, topicName } });
    return count > 0;
  });
}

/**
 * Appends the next version. The unique (definition, version) index turns two simultaneous saves
 * into one success and one error instead of two version 3s.
 */
export function insertSchemaVersion(
  definitionId: string,
  version: number,
  format: TSchemaFormat,
  text: string,
  by: string,
): Promise<TSchemaVersion> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      const row = await db.topicSchemaVersion.create({ data: { definitionId, version, format, text, createdBy: by } });
      await db.topicDefinition.update({ where: { id: definitionId }, data: { schemaFormat: format, updatedBy: by } });
      return toSchemaVersion(row);
    }),
  );
}
