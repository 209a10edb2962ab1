import "server-only";
import type { TStoredConformance } from "~/domain/definitions/definition-dto";
import type { TConformanceExample } from "~/domain/schemas/conformance";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** One row per definition: the latest check replaces the one before. */
export function upsertConformance(definitionId: string, result: TStoredConformance): Promise<void> {
  const data = {
    checkedAt: result.checkedAt,
    schemaVersion: result.schemaVersion,
    sampled: result.sampled,
    matched: result.matched,
    examples: result.examples as unknown as Prisma.InputJsonValue,
    failure: result.failure,
  };
  return withDatabase(async () => {
    await getDb().topicConformance.upsert({ where: { definitionId }, create: { definitionId, ...data }, update: data });
  });
}

export function findConformance(definitionId: string): Promise<TStoredConformance | null> {
  return withDatabase(async () => {
    const row = await getDb().topicConformance.findUnique({ where: { definitionId } });
    if (!row) return null;
    return {
      checkedAt: row.checkedAt,
      schemaVersion: row.schemaVersion,
      sampled: row.sampled,
      matched: row.matched,
      // Written only by upsertConformance, from TConformanceExample[].
      examples: row.examples as unknown as TConformanceExample[],
      failure: row.failure,
    };
  });
}

/** Every definition with a schema, on every cluster: what the background check goes through. */
export function listDefinitionsWithSchemas(): Promise<Array<{ clusterId: string; topicName: string }>> {
  return withDatabase(() =>
    getDb().topicDefinition.findMany({
      where: { schemaFormat: { not: null }, schemaVersions: { some: {} } },
      select: { clusterId: true, topicName: true },
      orderBy: [{ clusterId: "asc" }, { topicName: "asc" }],
    }),
  );
}
