/**
 * Group list with 500 consumer groups over 50 topics: Tributary's `groups.list` page of 50 with
 * lag (through the real router, service and Kafka layer) against Kafka's own consumer-groups tool
 * (`kafka-consumer-groups.sh --describe --all-groups`, i.e. ConsumerGroupCommand from the same
 * jars as the broker), in the same run, on the same fresh broker. The Java tool describes every
 * group (it has no paging) and pays a JVM start each run; that is how an operator meets it.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Consumer } from "kafkajs";
import { kafkaLibsDir } from "../apps/kafka-local/src/jars";
import { startBenchServices } from "./bench-services";
import { describeSamples, quantile, time } from "./stats";

const GROUPS = Number(process.argv[3] ?? 500);
const TOPICS = 50;
const PARTITIONS = 3;
const RECORDS_PER_PARTITION = 20;
const RUNS = 10;
const JAVA_RUNS = 3;
const run = promisify(execFile);
const JOINS = 8;
const members: Consumer[] = [];

const { kafka, client, stop } = await startBenchServices("group-list");
const admin = client.admin();
const producer = client.producer();
try {
  await admin.connect();
  await producer.connect();
  const topics = Array.from({ length: TOPICS }, (_, index) => `bench-groups-${String(index).padStart(2, "0")}`);
  const started = performance.now();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })),
    waitForLeaders: true,
  });
  for (const topic of topics) {
    const messages = Array.from({ length: PARTITIONS * RECORDS_PER_PARTITION }, (_, index) => ({
      partition: index % PARTITIONS,
      value: `record ${index}`,
    }));
    await producer.send({ topic, messages });
  }
  // Each group commits on one topic at an offset of its own, so lags (and time lags) differ.
  const groups = Array.from({ length: GROUPS }, (_, index) => `bench-group-${String(index).padStart(3, "0")}`);
  for (let offset = 0; offset < groups.length; offset += 50) {
    await Promise.all(
      groups.slice(offset, offset + 50).map((groupId, index) =>
        admin.setOffsets({
          groupId,
          topic: topics[(offset + index) % TOPICS]!,
          partitions: Array.from({ length: PARTITIONS }, (_, partition) => ({
            partition,
            offset: String((offset + index) % RECORDS_PER_PARTITION),
          })),
        }),
      ),
    );
  }
  console.log(`${GROUPS} groups over ${TOPICS} topics ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const query = { clusterId: cluster!.id, pageSize: 50 as const };

  const java = () =>
    run(
      "java",
      [
        "-cp",
        `${kafkaLibsDir()}/*`,
        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
        "--bootstrap-server",
        kafka.bootstrapServers,
        "--describe",
        "--all-groups",
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );

  // Warm both paths (connections, JIT, page cache of the jars) before timing.
  const warm = await caller.groups.list(query);
  const withLag = warm.items.filter((item) => item.totalLag !== null && item.timeLagMs !== null).length;
  console.log(`page 1: ${warm.items.length} of ${warm.total} groups, ${withLag} with lag in messages and time`);
  const { stdout } = await java();
  console.log(
    `Kafka's tool described ${stdout.split("\n").filter((line) => line.startsWith("bench-group-")).length} partition rows`,
  );

  const baseline = await time(JAVA_RUNS, java);
  const tributary = await time(RUNS, () => caller.groups.list(query));
  const sortedByLag = await time(3, () => caller.groups.list({ ...query, sort: "lag", direction: "desc" }));

  const base = quantile(baseline, 0.5);
  const ours = quantile(tributary, 0.5);
  console.log(`Kafka ConsumerGroupCommand --describe --all-groups (JVM): ${describeSamples(baseline)}`);
  console.log(`Tributary groups.list page of 50 with lag:               ${describeSamples(tributary)}`);
  console.log(`Tributary groups.list sorted by lag (all ${GROUPS} groups):   ${describeSamples(sortedByLag)}`);
  console.log(`ratio (median, Tributary / Kafka's tool): ${(ours / base).toFixed(2)}×`);

  await measureJoinDetection(cluster!.id, topics[0]!);
} finally {
  await Promise.allSettled(members.map((member) => member.disconnect()));
  await producer.disconnect();
  await admin.disconnect();
  await stop();
}

/**
 * Rebalance detection: a member joins a live group; how long until `groups.watch` (what the group
 * page shows) has it, Stable. Split into Kafka's own rebalance (until the joining consumer's
 * GROUP_JOIN event) and Tributary's detection after that (the watch polls once a second).
 */
async function measureJoinDetection(clusterId: string, topic: string): Promise<void> {
  const groupId = "bench-join-latency";
  const controller = new AbortController();
  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const subscriber = createCaller({ actor: LOCAL_OPERATOR }, { signal: controller.signal });
  const events = (await subscriber.groups.watch({ clusterId, groupId }))[Symbol.asyncIterator]();
  const untilMembers = async (count: number) => {
    for (;;) {
      const { value, done } = await events.next();
      if (done) throw new Error("the watch ended");
      if (value.status === "ok" && value.group.state === "Stable" && value.group.members.length === count) return;
    }
  };
  const total: number[] = [];
  const afterJoin: number[] = [];
  for (let index = 0; index < JOINS; index += 1) {
    const consumer = client.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 300 });
    members.push(consumer);
    const started = performance.now();
    let joinedAt = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt ||= performance.now()));
    await consumer.connect();
    await consumer.subscribe({ topic });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await untilMembers(index + 1);
    const seen = performance.now();
    total.push(seen - started);
    afterJoin.push(Math.max(0, seen - (joinedAt || seen)));
  }
  controller.abort();
  console.log(
    `join → group page shows the new member (Stable), incl. Kafka's rebalance: ${describeSamples(total)}, p99 ${quantile(total, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `of which after Kafka completed the rebalance (Tributary's detection): ${describeSamples(afterJoin)}, p99 ${quantile(afterJoin, 0.99).toFixed(1)} ms`,
  );
}
