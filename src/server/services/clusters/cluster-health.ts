import "server-only";
import type { TClusterHealth } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import { describeClusterOverview } from "~/server/kafka/describe-cluster";
import { SharedPolls } from "~/server/live/shared-polls";
import { getCluster } from "./registered-clusters";

/** How often an open page sees fresh metadata while Kafka answers. */
export const HEALTHY_POLL_MS = 1_000;
/** Retry spacing while Kafka does not answer: 1 s, 2 s, 4 s, then every 5 s. */
export function retryDelayMs(consecutiveFailures: number): number {
  return Math.min(5_000, 1_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}

function lastOverviewOf(previous: TClusterHealth | undefined) {
  if (!previous) return null;
  return previous.status === "ok" ? previous.overview : previous.lastOverview;
}

const failures = new Map<string, number>();

async function tick(clusterId: string, previous: TClusterHealth | undefined) {
  let bootstrapServers = "";
  try {
    const cluster = await getCluster(clusterId);
    bootstrapServers = cluster.bootstrapServers;
    const overview = await describeClusterOverview(cluster);
    failures.delete(clusterId);
    const value: TClusterHealth = { status: "ok", observedAt: Date.now(), overview };
    return { value, nextInMs: HEALTHY_POLL_MS };
  } catch (error) {
    const count = (failures.get(clusterId) ?? 0) + 1;
    failures.set(clusterId, count);
    const retryInMs = retryDelayMs(count);
    const appError = error instanceof AppError ? error : new AppError("INTERNAL", "Reading the cluster failed.");
    const value: TClusterHealth = {
      status: "unreachable",
      observedAt: Date.now(),
      bootstrapServers,
      message: appError.message,
      hint: appError.hint ?? null,
      retryInMs,
      lastOverview: lastOverviewOf(previous),
    };
    return { value, nextInMs: retryInMs };
  }
}

const healthPolls = new SharedPolls<TClusterHealth>(tick, {
  describe: (clusterId) => ({
    name: `live.cluster-health ${clusterId}`,
    description: `Polls the health of cluster ${clusterId} about once a second for the pages that show it.`,
  }),
  problemOf: (health) => (health.status === "unreachable" ? health.message : null),
});

/** Live health of one cluster; every subscriber of the same cluster shares one poll loop. */
export function watchClusterHealth(clusterId: string, signal?: AbortSignal): AsyncGenerator<TClusterHealth> {
  return healthPolls.subscribe(clusterId, signal);
}

export function activeHealthWatches(): string[] {
  return healthPolls.activeKeys();
}
