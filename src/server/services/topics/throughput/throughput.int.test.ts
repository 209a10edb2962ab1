import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import type { TTimedRatePoint } from "./throughput-history";
import { createThroughputSampler, type TThroughputSampler } from "./throughput-sampler";

const target = { id: "throughput-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-throughput`;
/** Messages produced per partition, in three batches spread over several samples. */
const PRODUCED: Record<number, number> = { 0: 30, 1: 12, 2: 0 };
const BATCHES = 3;
const INTERVAL_MS = 200;

let sampler: TThroughputSampler | undefined;

beforeAll(async () => {
  await createTopic(target, { name: topic, partitions: 3, replicationFactor: 1, configs: {} }, { validateOnly: false });
});

afterAll(async () => {
  sampler?.stop();
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

/** Awaits samples until one succeeds (the first connection may need more than one interval). */
async function goodSample(running: TThroughputSampler): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) if ((await running.nextSample()).ok) return;
  throw new Error("The sampler never read the cluster.");
}

/** Messages over the series: each rate held for the interval it covers. */
function integrate(points: TTimedRatePoint[], rateOf: (point: TTimedRatePoint) => number): number {
  return points.reduce((sum, point) => sum + rateOf(point) * (point.intervalMs / 1000), 0);
}

describe("throughput sampler", () => {
  it("shows produced messages as rates whose integral matches what was produced, per partition", async () => {
    const running = createThroughputSampler({ target, intervalMs: INTERVAL_MS });
    sampler = running;
    // Two good samples: the topic has a baseline reading before anything is produced.
    await goodSample(running);
    await goodSample(running);

    for (let batch = 0; batch < BATCHES; batch++) {
      const messages = Object.entries(PRODUCED).flatMap(([partition, count]) =>
        Array.from({ length: count / BATCHES }, (_, index) => ({
          partition: Number(partition),
          value: `b${batch}-${index}`,
        })),
      );
      if (messages.length > 0) await withProducer(target, (producer) => producer.send({ topic, messages }));
      await goodSample(running);
    }
    await goodSample(running);

    const points = running.history.points(topic, 0);
    const total = Object.values(PRODUCED).reduce((sum, count) => sum + count, 0);
    expect(integrate(points, (point) => point.total)).toBeCloseTo(total, 3);
    for (const [partition, count] of Object.entries(PRODUCED)) {
      expect(integrate(points, (point) => point.partitions[Number(partition)] ?? 0)).toBeCloseTo(count, 3);
    }
    // The messages were spread over more than one sample, so the chart shows them over time.
    expect(points.filter((point) => point.total > 0).length).toBeGreaterThan(1);
    expect(points.every((point) => point.intervalMs > 0 && point.intervalMs < 10 * INTERVAL_MS)).toBe(true);
  });

  it("stops cleanly: no further samples after stop()", async () => {
    const running = createThroughputSampler({ target, intervalMs: INTERVAL_MS });
    await goodSample(running);
    running.stop();
    const count = running.history.sampleCount;
    const late = await Promise.race([
      running.nextSample().then(() => "sampled"),
      new Promise((r) => setTimeout(() => r("quiet"), 3 * INTERVAL_MS)),
    ]);
    expect(late).toBe("quiet");
    expect(running.history.sampleCount).toBe(count);
  });

  it("skips samples while Kafka cannot be reached", async () => {
    const running = createThroughputSampler({
      target: { id: "throughput-test-down", bootstrapServers: "127.0.0.1:1" },
      intervalMs: INTERVAL_MS,
    });
    try {
      expect((await running.nextSample()).ok).toBe(false);
      expect(running.history.sampleCount).toBe(0);
    } finally {
      running.stop();
      await disconnectCluster("throughput-test-down");
    }
  });
});
