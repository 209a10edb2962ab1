import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { downsampleLag } from "~/domain/groups/lag-series";
import type { TLagSample } from "~/domain/groups/lag-history-dto";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { findLagSamples, insertLagSamples } from "~/server/db/lag-samples";
import { insertRebalance } from "~/server/db/rebalances";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { pruneLagHistory } from "~/server/services/groups/lag-retention";
import { sampleLagOnce } from "~/server/services/groups/lag-sampler";
import { activeLagSamplers, ensureLagSampler, stopAllLagSamplers } from "~/server/services/groups/lag-sampler-registry";
import { callerAs } from "../../../../test/caller-as";

const brokers = inject("kafkaBrokers");
const prefix = `int-lag-${Date.now().toString(36)}`;
const kafka = new kafkajs.Kafka({ clientId: prefix, brokers: brokers.split(","), logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
// Idempotent: a produce retried on a loaded machine must not write its records twice (the lags below are exact).
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const caller = callerAs("operator");
const topic = `${prefix}-orders`;
const groupId = `${prefix}-billing`;
const consumers: Consumer[] = [];
let cluster: TCluster;

/** `count` records into each listed partition. */
async function produce(counts: Record<number, number>) {
  const messages = Object.entries(counts).flatMap(([partition, count]) =>
    Array.from({ length: count }, (_, index) => ({ partition: Number(partition), value: `${partition}-${index}` })),
  );
  await producer.send({ topic, messages });
}

/** The group's committed offset per partition, as Kafka's own admin reads it. */
async function committed(): Promise<Record<number, string>> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return Object.fromEntries((entry?.partitions ?? []).map(({ partition, offset }) => [partition, offset]));
}

async function logEnds(): Promise<Record<number, string>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return Object.fromEntries(offsets.map(({ partition, high }) => [partition, high]));
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await admin.connect();
  await producer.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
});

afterAll(async () => {
  stopAllLagSamplers();
  await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await producer.disconnect();
  await admin.disconnect();
  await deleteClusterRecord(cluster.id).catch(() => undefined);
  await disconnectAllClusters();
});

describe("groups.history.lag", () => {
  it("stores one sample whose total and per-partition lag are log-end − committed of a real consumer group", async () => {
    await produce({ 0: 6, 1: 6, 2: 6 });
    const produced = await logEnds();
    // A real member reads everything and commits (kafkajs commits after each batch), then leaves.
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 500 });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    await expect.poll(committed, { timeout: 45_000, interval: 250 }).toEqual(produced);
    await consumer.disconnect();

    await produce({ 0: 2, 1: 3, 2: 4 });
    const before = Date.now();
    const pass = await sampleLagOnce(cluster.id);
    expect(pass.stored).toBeGreaterThanOrEqual(1);

    const samples = await findLagSamples(cluster.id, groupId, new Date(before));
    expect(samples).toHaveLength(1);
    const [sample] = samples as [TLagSample];
    const ends = await logEnds();
    const offsets = await committed();
    const expected = [0, 1, 2].map((partition) => ({
      topic,
      partition,
      committed: offsets[partition],
      logEnd: ends[partition],
      lag: (BigInt(ends[partition]!) - BigInt(offsets[partition]!)).toString(),
    }));
    expect(sample.partitions).toEqual(expected);
    expect(expected.map((entry) => entry.lag)).toEqual(["2", "3", "4"]);
    expect(sample.totalLag).toBe("9");
    // The oldest unconsumed record was produced moments ago.
    expect(sample.timeLagMs).not.toBeNull();
    expect(sample.timeLagMs!).toBeLessThan(120_000);
  });

  it("returns the stored points, each partition's lag and a stored rebalance as a marker", async () => {
    const now = Date.now();
    await insertRebalance(cluster.id, groupId, {
      detectedAt: now - 60_000,
      completedAt: now - 57_000,
      durationMs: 3_000,
      generation: 7,
      stateChanges: [],
      joined: [{ memberId: "m-3", clientId: "billing-3", host: "/10.0.0.3" }],
      left: [],
      before: [],
      after: [],
      moved: [
        { topic, partition: 1, from: "m-1", to: "m-3" },
        { topic, partition: 2, from: "m-2", to: "m-3" },
      ],
    });
    // Older than the 15-minute window: not a marker there.
    await insertRebalance(cluster.id, groupId, {
      detectedAt: now - 2 * 3_600_000,
      completedAt: now - 2 * 3_600_000 + 1_000,
      durationMs: 1_000,
      generation: 6,
      stateChanges: [],
      joined: [],
      left: [],
      before: [],
      after: [],
      moved: [],
    });

    const history = await caller.groups.history.lag({ clusterId: cluster.id, groupId, range: "15m" });
    expect(history.points.length).toBeGreaterThanOrEqual(1);
    expect(history.points.at(-1)).toMatchObject({ totalLag: "9" });
    expect(history.latest).toMatchObject({ totalLag: "9" });
    expect(history).toMatchObject({ topics: [topic], topic, partitionCount: 3 });
    expect(history.latest!.timeLagMs).not.toBeNull();
    expect(history.partitions.map((series) => [series.partition, series.points.at(-1)?.lag])).toEqual([
      [0, "2"],
      [1, "3"],
      [2, "4"],
    ]);
    expect(history.rebalances).toEqual([
      {
        id: expect.any(String),
        at: now - 60_000,
        completedAt: now - 57_000,
        generation: 7,
        movedCount: 2,
        joined: ["billing-3"],
        left: [],
      },
    ]);
    expect(history.from).toBeLessThanOrEqual(history.points[0]!.at);
    expect(history.sampleIntervalMs).toBeGreaterThanOrEqual(1_000);

    const sixHours = await caller.groups.history.lag({ clusterId: cluster.id, groupId, range: "6h" });
    expect(sixHours.rebalances.map((marker) => marker.generation)).toEqual([6, 7]);
  });

  it("downsamples a day of samples to at most 300 points in the database exactly as the domain rule does", async () => {
    const synthetic = `${prefix}-synthetic`;
    const now = Date.now();
    const samples: TLagSample[] = Array.from({ length: 2_880 }, (_, index) => {
      const lag = index === 1_000 ? 50_000 : (index % 7) * 10;
      return {
        groupId: synthetic,
        sampledAt: now - (2_880 - index) * 30_000,
        totalLag: String(lag),
        timeLagMs: index === 1_000 ? 90_000 : null,
        partitions: [
          { topic, partition: 0, committed: "100", logEnd: String(100 + lag), lag: String(lag) },
          { topic, partition: 1, committed: "5", logEnd: null, lag: null },
        ],
      };
    });
    await insertLagSamples(cluster.id, samples);

    const history = await caller.groups.history.lag({ clusterId: cluster.id, groupId: synthetic, range: "24h" });
    expect(history.points.length).toBeLessThanOrEqual(300);
    expect(history.points.length).toBeGreaterThan(250);
    expect(history.points.map((point) => point.totalLag)).toContain("50000");
    expect(history.points.find((point) => point.totalLag === "50000")?.timeLagMs).toBe(90_000);
    expect(history.latest).toEqual({ at: samples.at(-1)!.sampledAt, totalLag: "20", timeLagMs: null });
    // Partition 1's lag was never known: no series rather than a line at zero.
    expect(history.partitions.map((series) => series.partition)).toEqual([0]);
    expect(history.partitions[0]!.points.length).toBe(history.points.length);

    const raw = (await findLagSamples(cluster.id, synthetic, new Date(history.from))).filter(
      (sample) => sample.sampledAt <= history.to,
    );
    const byDomain = downsampleLag(
      raw.map((sample) => ({ at: sample.sampledAt, ...sample })),
      history.bucketMs,
    );
    expect(history.points).toEqual(byDomain.points);
    expect(history.partitions).toEqual(byDomain.partitions);
  });

  it("deletes samples older than the retention and keeps the newer ones", async () => {
    const retained = `${prefix}-retention`;
    const now = Date.now();
    const sample = (daysAgo: number): TLagSample => ({
      groupId: retained,
      sampledAt: now - daysAgo * 86_400_000,
      totalLag: String(Math.round(daysAgo * 10)),
      timeLagMs: null,
      partitions: [],
    });
    await insertLagSamples(cluster.id, [sample(8), sample(6.9), sample(1)]);
    expect(await pruneLagHistory(now, 7)).toBeGreaterThanOrEqual(1);
    expect((await findLagSamples(cluster.id, retained)).map((row) => row.totalLag)).toEqual(["69", "10"]);
  });

  it("samples a cluster registered after boot from its first lag request on, and stops when it is unregistered", async () => {
    const later = await upsertClusterByName(`${prefix}-later`, brokers);
    expect(activeLagSamplers()).not.toContain(later.id);
    await caller.groups.history.lag({ clusterId: later.id, groupId, range: "15m" });
    expect(activeLagSamplers()).toContain(later.id);
    const sampler = ensureLagSampler(later.id);
    const outcome = await sampler.nextPass();
    expect(outcome.ok).toBe(true);
    await expect
      .poll(async () => (await findLagSamples(later.id, groupId)).length, { timeout: 30_000 })
      .toBeGreaterThan(0);

    await deleteClusterRecord(later.id);
    await expect.poll(() => activeLagSamplers(), { timeout: 60_000 }).not.toContain(later.id);
  });

  it("says in a sentence that an unknown cluster is not registered", async () => {
    await expect(caller.groups.history.lag({ clusterId: "no-such-cluster", groupId, range: "1h" })).rejects.toThrow(
      "This cluster is not registered in Tributary.",
    );
  });
});
