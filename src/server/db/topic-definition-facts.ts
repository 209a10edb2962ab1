import "server-only";
import type { TTopicLayer } from "~/domain/definitions/definition";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** What the pipeline rules read from a definition: no schema texts, no descriptions. */
export type TDefinitionFacts = {
  topicName: string;
  layer: TTopicLayer;
  keyDescription: string;
  partitions: number;
  configs: Record<string, string>;
  hasSchema: boolean;
};

/** The definitions of the named topics (those that have one), in one query. */
export function listDefinitionFacts(clusterId: string, topicNames: readonly string[]): Promise<TDefinitionFacts[]> {
  if (topicNames.length === 0) return Promise.resolve([]);
  return withDatabase(async () => {
    const rows = await getDb().topicDefinition.findMany({
      where: { clusterId, topicName: { in: [...topicNames] } },
      select: {
        topicName: true,
        layer: true,
        keyDescription: true,
        partitions: true,
        configs: true,
        schemaFormat: true,
      },
    });
    // layer and configs are written only by topic-definitions.ts, from the domain's enums and zod-checked maps.
    return rows.map(({ schemaFormat, ...row }) => ({
      ...row,
      layer: row.layer as TTopicLayer,
      configs: row.configs as Record<string, string>,
      hasSchema: schemaFormat !== null,
    }));
  });
}
