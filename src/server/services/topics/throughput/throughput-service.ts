import "server-only";
import { getCluster } from "../../clusters/registered-clusters";
import { averageRate, type TRatePoint } from "./rate";
import { SAMPLE_INTERVAL_MS, throughputSamplerFor } from "./sampler-registry";

export type TTopicThroughput = { sampleIntervalMs: number; points: TRatePoint[] };

/** A topic's produce rate (msg/s), total and per partition, over the last `windowMinutes`. */
export async function getTopicThroughput(
  clusterId: string,
  name: string,
  windowMinutes: number,
): Promise<TTopicThroughput> {
  const sampler = throughputSamplerFor(await getCluster(clusterId));
  const points = sampler.history.points(name, Date.now() - windowMinutes * 60_000);
  return {
    sampleIntervalMs: SAMPLE_INTERVAL_MS,
    points: points.map(({ at, total, partitions }) => ({ at, total, partitions })),
  };
}

/** Mean produce rate of every topic over the last minute; topics without two samples yet are absent. */
export async function getLastMinuteRates(clusterId: string): Promise<Record<string, number>> {
  const { history } = throughputSamplerFor(await getCluster(clusterId));
  const since = Date.now() - 60_000;
  const rates: Record<string, number> = {};
  for (const name of history.topicNames()) {
    const rate = averageRate(history.points(name, since));
    if (rate !== null) rates[name] = rate;
  }
  return rates;
}
