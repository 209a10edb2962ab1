import "server-only";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";
import { listDefinitionsWithSchemas } from "~/server/db/topic-conformance";
import { findDefinition } from "~/server/db/topic-definitions";
import { getCluster } from "../clusters/registered-clusters";
import { startWorker } from "~/server/workers/worker-registry";
import { checkDefinitionConformance } from "./conformance-service";

export const CONFORMANCE_WORKER = "definitions.conformance";

/**
 * One pass over every defined topic with a schema, on every cluster, one topic at a time (a pass is
 * background work: it should not compete with people's reads). A topic whose check cannot run
 * stores the sentence why, so the catalogue shows it; only a database failure fails the pass.
 * The values read are not shown to anyone by this pass beyond the few stored examples, which the
 * catalogue shows to viewers, as the topic's messages would be.
 */
export async function checkAllConformance(signal: AbortSignal, perPartition = env.CONFORMANCE_SAMPLE_PER_PARTITION) {
  let checked = 0;
  for (const { clusterId, topicName } of await listDefinitionsWithSchemas()) {
    if (signal.aborted) break;
    try {
      const [cluster, definition] = await Promise.all([getCluster(clusterId), findDefinition(clusterId, topicName)]);
      if (!definition || definition.schemaVersions.length === 0) continue;
      await checkDefinitionConformance(cluster, definition, perPartition);
      checked += 1;
    } catch (error) {
      if (error instanceof AppError && error.code === "DATABASE_UNREACHABLE") throw error;
      // Removed meanwhile, or its cluster unregistered: the next pass will not list it.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return checked;
}

/** Started once at boot (src/instrumentation.ts); CONFORMANCE_CHECK_MINUTES=0 leaves it off. */
export function startConformanceChecks(): void {
  const minutes = env.CONFORMANCE_CHECK_MINUTES;
  if (minutes <= 0) return;
  startWorker({
    name: CONFORMANCE_WORKER,
    description: `Checks the newest ${env.CONFORMANCE_SAMPLE_PER_PARTITION} values per partition of every defined topic against its schema, every ${minutes} min.`,
    intervalMs: minutes * 60_000,
    // It stores one row per definition: one web server checks, however many share the database.
    scope: "one-server",
    runOnce: async (signal) => {
      await checkAllConformance(signal);
    },
  });
}
