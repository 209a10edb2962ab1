import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** How many step members each runner reported in its last heartbeat, by runner id (all pipelines). */
export function countMembersByRunner(): Promise<Map<string, number>> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineStepMember.groupBy({ by: ["runnerId"], _count: { _all: true } });
    return new Map(rows.map((row) => [row.runnerId, row._count._all]));
  });
}
