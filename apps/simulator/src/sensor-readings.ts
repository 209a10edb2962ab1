/**
 * Demo telemetry in the shape of the seed texts: one stream per server and metric, keyed
 * `server-1-cpu`, `server-1-memory`, … Kafka's default partitioner sends every reading of one key to
 * the same partition, so each stream stays in order.
 */

export const METRICS = ["cpu", "memory", "disk"] as const;
export type TMetric = (typeof METRICS)[number];

export type TSensorReading = { server: string; metric: TMetric; value: number; unit: string; timestamp: string };

const UNITS: Record<TMetric, string> = { cpu: "percent", memory: "percent", disk: "MB/s" };

export function streamKeys(serverCount: number): string[] {
  return Array.from({ length: serverCount }, (_, index) => `server-${index + 1}`).flatMap((server) =>
    METRICS.map((metric) => `${server}-${metric}`),
  );
}

/**
 * Next value of a bounded random walk: readings drift like a real gauge instead of jumping, and an
 * occasional spike gives the later cleaning and anomaly steps something to find.
 */
export function nextValue(previous: number, random: () => number): number {
  const spike = random() < 0.01 ? 40 : 0;
  const drift = (random() - 0.5) * 6;
  return Math.round(Math.min(100, Math.max(0, previous + drift + spike)) * 10) / 10;
}

export function readingFor(key: string, value: number, now: Date): TSensorReading {
  const metric = METRICS.find((candidate) => key.endsWith(`-${candidate}`)) ?? "cpu";
  const server = key.slice(0, key.length - metric.length - 1);
  return { server, metric, value, unit: UNITS[metric], timestamp: now.toISOString() };
}
