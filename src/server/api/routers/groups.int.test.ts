import { spawn } from "node:child_process";
import { once } from "node:events";
import kafkajs, { type Consumer, type Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { OTHER_GROUP_TYPE_LIMITATION, type TGroupDetail, type TGroupWatch } from "~/domain/groups/group-dto";
import { buildAssignmentGrid } from "~/domain/groups/assignment-grid";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { activeGroupWatches } from "~/server/services/groups/group-watch";
import { startJavaConsumer, stopJavaConsumer } from "../../../../test/java-consumer";
import { callerAs } from "../../../../test/caller-as";

const caller = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-groups-${Date.now().toString(36)}`;
const kafka: Kafka = new kafkajs.Kafka({
  clientId: prefix,
  brokers: brokers.split(","),
  logLevel: kafkajs.logLevel.NOTHING,
});
const admin = kafka.admin();
const consumers: Consumer[] = [];
const topics: string[] = [];
let cluster: TCluster;

/** A topic with `perPartition` records in each partition, and the group committed at offset 2 everywhere. */
async function topicWithBacklog(name: string, partitions: number, perPartition: number, groupId: string) {
  topics.push(name);
  await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const messages = Array.from({ length: partitions }, (_, partition) =>
    Array.from({ length: perPartition }, (_, index) => ({ partition, value: `${partition}-${index}` })),
  ).flat();
  await producer.send({ topic: name, messages });
  await producer.disconnect();
  await admin.setOffsets({
    groupId,
    topic: name,
    partitions: Array.from({ length: partitions }, (_, partition) => ({ partition, offset: "2" })),
  });
}

/** A real member that reads but never commits, so the lag stays where the test put it. Resolves once it joined. */
async function startMember(groupId: string, topic: string): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500, rebalanceTimeout: 5_000 });
  consumers.push(consumer);
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  return consumer;
}

/** Reads the group's live snapshots until one satisfies `predicate`, then closes the subscription. */
async function watchUntil(groupId: string, predicate: (group: TGroupDetail) => boolean): Promise<TGroupDetail> {
  const controller = new AbortController();
  const subscriber = callerAs("operator", { signal: controller.signal });
  const events: AsyncIterable<TGroupWatch> = await subscriber.groups.watch({ clusterId: cluster.id, groupId });
  try {
    for await (const event of events) if (event.status === "ok" && predicate(event.group)) return event.group;
    throw new Error("the subscription ended without a matching snapshot");
  } finally {
    controller.abort();
  }
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await admin.connect();
});

afterAll(async () => {
  await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("groups router", () => {
  it("lists a group with its members, topics and lag in messages and in time", async () => {
    const groupId = `${prefix}-listed`;
    const topic = `${prefix}-listed-topic`;
    await topicWithBacklog(topic, 2, 10, groupId);
    await startMember(groupId, topic);

    await expect
      .poll(async () => (await caller.groups.list({ clusterId: cluster.id, search: groupId })).items[0], {
        // The first group on a fresh broker waits for __consumer_offsets to load.
        timeout: 40_000,
      })
      .toMatchObject({ groupId, type: "classic", state: "Stable", memberCount: 1, topics: [topic], totalLag: "16" });
    const [listed] = (await caller.groups.list({ clusterId: cluster.id, search: groupId })).items;
    expect(listed?.protocolType).toBe("consumer");
    // The records at offset 2 were produced moments ago: a time lag exists and is small.
    expect(listed?.timeLagMs).toEqual(expect.any(Number));
    expect(listed!.timeLagMs!).toBeLessThan(10 * 60_000);
  });

  it("pages groups by name and says how many match", async () => {
    const page = await caller.groups.list({ clusterId: cluster.id, search: prefix, pageSize: 25, page: 2 });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items).toEqual([]);
  });

  it("watches members, their partitions and per-partition lag, with one poll loop for all watchers", async () => {
    const groupId = `${prefix}-watched`;
    const topic = `${prefix}-watched-topic`;
    await topicWithBacklog(topic, 3, 5, groupId);
    await startMember(groupId, topic);
    await startMember(groupId, topic);

    const [first, second] = await Promise.all([
      watchUntil(groupId, (group) => group.state === "Stable" && group.members.length === 2),
      watchUntil(groupId, (group) => group.state === "Stable" && group.members.length === 2),
    ]);
    expect(first.members.map((m) => m.clientId)).toEqual([prefix, prefix]);
    // Kafka reports "/127.0.0.1" (Java's InetAddress without a host name); people read the address.
    expect(first.members.map((m) => m.host)).toEqual(["127.0.0.1", "127.0.0.1"]);
    expect(second.groupId).toBe(groupId);
    const assigned = first.members.flatMap((member) => member.assignment.flatMap((a) => a.partitions)).sort();
    expect(assigned).toEqual([0, 1, 2]);
    expect(first.partitions).toEqual(
      [0, 1, 2].map((partition) =>
        expect.objectContaining({
          topic,
          partition,
          committedOffset: "2",
          logEndOffset: "5",
          lag: "3",
          memberId: expect.any(String),
        }),
      ),
    );
    // Read from the coordinator's records in __consumer_offsets: each of the two joins started a generation.
    expect(first.generationId).toBeGreaterThanOrEqual(2);
    expect(first.limitation).toBeNull();
    await expect.poll(() => activeGroupWatches().filter((key) => key.endsWith(groupId))).toEqual([]);
  });

  it("shows one idle member when 4 members share 3 partitions, and says why", async () => {
    const groupId = `${prefix}-idle`;
    const topic = `${prefix}-idle-topic`;
    await topicWithBacklog(topic, 3, 4, groupId);
    await Promise.all([0, 1, 2, 3].map(() => startMember(groupId, topic)));

    const group = await watchUntil(
      groupId,
      (candidate) => candidate.state === "Stable" && candidate.members.length === 4,
    );
    const grid = buildAssignmentGrid(group.members, group.topicPartitions);
    expect(grid.idleMemberIds).toHaveLength(1);
    expect(grid.rows.every((row) => row.memberId !== null)).toBe(true);
    expect(grid.idleExplanation).toMatch(/^4 members, 3 partitions: one member has nothing to read\./);
  });

  it("describes a group of the new consumer protocol (KIP-848) with ConsumerGroupDescribe: type, state, member and assignment", async () => {
    const groupId = `${prefix}-kip848`;
    const topic = `${prefix}-kip848-topic`;
    await topicWithBacklog(topic, 1, 3, groupId);
    const java = startJavaConsumer(brokers, topic, groupId);
    try {
      // The Java consumer starts at the committed offset 2 and commits 3 as it reads the last record.
      const group = await watchUntil(groupId, (candidate) => candidate.partitions[0]?.committedOffset === "3");
      expect(group).toMatchObject({
        type: "consumer",
        state: "Stable",
        memberCount: 1,
        totalLag: "0",
        limitation: null,
      });
      // The classic DescribeGroups says "Dead" with no members for this group; ConsumerGroupDescribe knows better.
      expect(group.members).toEqual([
        expect.objectContaining({ clientId: "console-consumer", assignment: [{ topic, partitions: [0] }] }),
      ]);
      expect(group.partitions[0]?.memberId).toBe(group.members[0]?.memberId);
      expect(group.members[0]?.host).toBe("127.0.0.1");
      // The group epoch stands in for the generation: KIP-848 bumps it when the member joins.
      expect(group.generationId).toBeGreaterThanOrEqual(1);
      const [listed] = (await caller.groups.list({ clusterId: cluster.id, search: groupId })).items;
      expect(listed).toMatchObject({ groupId, type: "consumer", state: "Stable", memberCount: 1, topics: [topic] });
    } finally {
      await stopJavaConsumer(java);
    }
  });

  it("shows a share group (KIP-932) with its own type and real state, not as a dead classic group", async () => {
    const groupId = `${prefix}-share`;
    const topic = `${prefix}-share-topic`;
    topics.push(topic);
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    // Kafka's own share consumer from the same jars: a member kafkajs cannot be.
    const share = spawn(
      "java",
      [
        "-cp",
        ".data/kafka-local/libs-4.3.1/*",
        "org.apache.kafka.tools.consumer.ConsoleShareConsumer",
        "--bootstrap-server",
        brokers,
        "--topic",
        topic,
        "--group",
        groupId,
      ],
      { stdio: "ignore" },
    );
    try {
      await expect
        .poll(async () => (await caller.groups.list({ clusterId: cluster.id, search: groupId })).items[0], {
          timeout: 90_000,
          interval: 1_000,
        })
        .toMatchObject({ groupId, type: "share", state: "Stable", protocolType: "share", memberCount: null });
      const group = await watchUntil(groupId, (candidate) => candidate.type === "share");
      expect(group.state).toBe("Stable");
      expect(group.limitation).toBe(OTHER_GROUP_TYPE_LIMITATION.share);
    } finally {
      share.kill("SIGKILL");
      await once(share, "exit");
    }
  }, 150_000);
});
