/**
 * Rebalance detection latency: how long after a member joins (or leaves) a group the open group
 * page is told about the new assignment. A real kafkajs member joins a group of one on a topic of
 * four partitions; we time from the member's GROUP_JOIN (Kafka has handed out the new generation)
 * to the `groups.history.watch` stream (the one the page subscribes to, through the real router,
 * watcher, DescribeGroups and PostgreSQL write) delivering the completed rebalance with that member.
 * The same for a graceful leave, from `disconnect()` resolving. And the group page's header: from
 * GROUP_JOIN to the `groups.watch` stream showing the new generation (read from __consumer_offsets).
 * The baseline printed beside it is Kafka's own rebalance time in the same run (member start →
 * GROUP_JOIN).
 */
import { rm } from "node:fs/promises";
import kafkajs, { type Consumer } from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { provisionTestDatabase } from "../src/server/db/test-database";
import type { TGroupWatch } from "../src/domain/groups/group-dto";
import type { TRebalanceWatchEvent } from "../src/domain/groups/rebalance-record";
import { describeSamples, quantile } from "./stats";

const RUNS = Number(process.argv[3] ?? 20);
const dataDir = `.data/bench/rebalance-detection-${process.pid}`;
const topic = "bench-rebalances";
const groupId = "bench-rebalance-group";

const kafka = await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
const database = await provisionTestDatabase({
  dataDir: `${dataDir}/postgres`,
  port: 20_000 + Math.floor(Math.random() * 6_000) * 2 + 1,
});
process.env.DATABASE_URL = database.databaseUrl;
process.env.KAFKA_BROKERS = kafka.bootstrapServers;

const brokers = kafka.bootstrapServers.split(",");
const admin = new kafkajs.Kafka({ brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
const members: Consumer[] = [];
const controller = new AbortController();

/** A member like an application's; resolves with its id and the time Kafka finished its join. */
async function startMember(index: number): Promise<{ consumer: Consumer; memberId: string; joinedAt: number }> {
  const client = new kafkajs.Kafka({ clientId: `bench-member-${index}`, brokers, logLevel: kafkajs.logLevel.NOTHING });
  const consumer = client.consumer({ groupId, heartbeatInterval: 300, maxWaitTimeInMs: 500, rebalanceTimeout: 10_000 });
  const joined = new Promise<{ memberId: string; joinedAt: number }>((resolve) => {
    consumer.on(consumer.events.GROUP_JOIN, (event) =>
      resolve({ memberId: event.payload.memberId, joinedAt: performance.now() }),
    );
  });
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({ eachMessage: async () => undefined });
  return { consumer, ...(await joined) };
}

try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const [cluster] = await createCaller({ actor: LOCAL_OPERATOR }).clusters.list();
  const base = await startMember(0);
  members.push(base.consumer);

  // The page: one watch subscription for the whole run, read in the background.
  const seen: { event: TRebalanceWatchEvent; at: number }[] = [];
  const waiters = new Set<() => void>();
  const watcher = createCaller({ actor: LOCAL_OPERATOR }, { signal: controller.signal });
  void (async () => {
    for await (const event of await watcher.groups.history.watch({ clusterId: cluster!.id, groupId })) {
      seen.push({ event, at: performance.now() });
      for (const wake of waiters) wake();
    }
  })().catch(() => undefined);
  const until = async (match: (event: TRebalanceWatchEvent) => boolean, from: number): Promise<number> => {
    for (;;) {
      const hit = seen.slice(from).find((entry) => match(entry.event));
      if (hit) return hit.at;
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        setTimeout(resolve, 1_000);
      }).finally(() => waiters.clear());
    }
  };
  await until((event) => event.status === "ok" && event.state === "Stable", 0);

  // The page's header: the group itself, with its generation.
  const generations: { generation: number | null; at: number }[] = [];
  void (async () => {
    for await (const event of (await watcher.groups.watch({
      clusterId: cluster!.id,
      groupId,
    })) as AsyncIterable<TGroupWatch>) {
      if (event.status === "ok") generations.push({ generation: event.group.generationId, at: performance.now() });
      for (const wake of waiters) wake();
    }
  })().catch(() => undefined);
  const generationAbove = async (previous: number): Promise<{ generation: number; at: number }> => {
    for (;;) {
      const hit = generations.find((entry) => entry.generation !== null && entry.generation > previous);
      if (hit) return { generation: hit.generation!, at: hit.at };
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        setTimeout(resolve, 1_000);
      }).finally(() => waiters.clear());
    }
  };
  let generationNow = (await generationAbove(-1)).generation;

  const kafkaRebalance: number[] = [];
  const joinLatency: number[] = [];
  const leaveLatency: number[] = [];
  const generationLatency: number[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const from = seen.length;
    const started = performance.now();
    const member = await startMember(run);
    kafkaRebalance.push(member.joinedAt - started);
    const newGeneration = await generationAbove(generationNow);
    generationLatency.push(newGeneration.at - member.joinedAt);
    const shown = await until(
      (event) =>
        event.status === "ok" &&
        event.changed?.completedAt != null &&
        event.changed.joined.some((joined) => joined.memberId === member.memberId),
      from,
    );
    joinLatency.push(shown - member.joinedAt);

    const leaveFrom = seen.length;
    await member.consumer.disconnect();
    const left = performance.now();
    const shownLeft = await until(
      (event) =>
        event.status === "ok" &&
        event.changed?.completedAt != null &&
        event.changed.left.some((gone) => gone.memberId === member.memberId),
      leaveFrom,
    );
    leaveLatency.push(shownLeft - left);
    // The leave starts a generation too; the next join is timed from there.
    generationNow = (await generationAbove(newGeneration.generation)).generation;
  }

  console.log(`Kafka's rebalance (member start → GROUP_JOIN):          ${describeSamples(kafkaRebalance)}`);
  console.log(
    `join shown on the watch stream after GROUP_JOIN:        ${describeSamples(joinLatency)}, p99 ${quantile(joinLatency, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `new generation on the group page after GROUP_JOIN:      ${describeSamples(generationLatency)}, p99 ${quantile(generationLatency, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `leave shown on the watch stream after disconnect():     ${describeSamples(leaveLatency)}, p99 ${quantile(leaveLatency, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `ratio (median join detection / median Kafka rebalance): ${(quantile(joinLatency, 0.5) / quantile(kafkaRebalance, 0.5)).toFixed(2)}×`,
  );
} finally {
  controller.abort();
  await Promise.allSettled(members.map((member) => member.disconnect()));
  await admin.disconnect();
  const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
  await disconnectAllClusters();
  await kafka.stop();
  await database.cleanup();
  await rm(dataDir, { recursive: true, force: true });
}
