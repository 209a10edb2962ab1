import { once } from "node:events";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { startJavaConsumer, stopJavaConsumer } from "../../../../test/java-consumer";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "offsets-test-outside", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const caller = callerAs("operator");
const prefix = `int-offsets-${Date.now().toString(36)}`;
const topic = `${prefix}-topic`;
const PARTITIONS = 3;
const PER_PARTITION = 10;
/**
 * Record i of every partition is stamped BASE_TS + i seconds, so a time maps to a known offset.
 * An hour ago: records older than the broker's retention (7 days) would be deleted under the test.
 */
const BASE_TS = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
let clusterId = "";
const groupsCreated: string[] = [];

function newGroup(name: string): string {
  const groupId = `${prefix}-${name}`;
  groupsCreated.push(groupId);
  return groupId;
}

async function committed(groupId: string): Promise<string[]> {
  const [found] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (found?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((p) => p.offset);
}

/** Commits the same offset on every partition, for a group without members. */
async function commitAll(groupId: string, offset: string): Promise<void> {
  const partitions = Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, offset }));
  await admin.setOffsets({ groupId, topic, partitions });
}

function reset(
  groupId: string,
  strategy: Parameters<typeof caller.groups.offsets.reset>[0]["strategy"],
  partitions?: number[],
) {
  return caller.groups.offsets.reset({ clusterId, groupId, topic, strategy, partitions });
}

beforeAll(async () => {
  clusterId = (await upsertClusterByName(`${prefix}-cluster`, brokers.join(","))).id;
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let partition = 0; partition < PARTITIONS; partition += 1) {
    const messages = Array.from({ length: PER_PARTITION }, (_, i) => ({
      partition,
      value: `record ${i}`,
      timestamp: String(BASE_TS + i * 1000),
    }));
    await producer.send({ topic, messages });
  }
  await producer.disconnect();
});

afterAll(async () => {
  await admin.deleteGroups(groupsCreated).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await deleteClusterRecord(clusterId);
  await disconnectAllClusters();
});

describe("group offsets router", () => {
  it("previews each partition's committed offset before and the target after", async () => {
    const groupId = newGroup("preview");
    await commitAll(groupId, "7");
    const preview = await caller.groups.offsets.previewReset({
      clusterId,
      groupId,
      topic,
      strategy: { kind: "earliest" },
    });
    expect(preview).toMatchObject({ state: "Empty", activeMembers: 0, blockedReason: null });
    expect(preview.rows.map((row) => [row.partition, row.before, row.after])).toEqual([
      [0, "7", "0"],
      [1, "7", "0"],
      [2, "7", "0"],
    ]);
    expect(await committed(groupId)).toEqual(["7", "7", "7"]);
  });

  it("resets to earliest, latest, a timestamp, an offset and by a shift, ending exactly where previewed", async () => {
    const groupId = newGroup("strategies");
    await commitAll(groupId, "4");
    await reset(groupId, { kind: "latest" });
    expect(await committed(groupId)).toEqual(["10", "10", "10"]);
    await reset(groupId, { kind: "earliest" });
    expect(await committed(groupId)).toEqual(["0", "0", "0"]);
    const result = await reset(groupId, { kind: "timestamp", timestampMs: BASE_TS + 5_000 });
    expect(result.rows.map((row) => row.after)).toEqual(["5", "5", "5"]);
    expect(await committed(groupId)).toEqual(["5", "5", "5"]);
    await reset(groupId, { kind: "offset", offset: "3" }, [1]);
    expect(await committed(groupId)).toEqual(["5", "3", "5"]);
    await reset(groupId, { kind: "shift", by: "-2" });
    expect(await committed(groupId)).toEqual(["3", "1", "3"]);
  });

  it("clamps an offset past the log end to it and says so in the preview", async () => {
    const groupId = newGroup("clamp");
    await commitAll(groupId, "2");
    const preview = await caller.groups.offsets.previewReset({
      clusterId,
      groupId,
      topic,
      strategy: { kind: "offset", offset: "99" },
      partitions: [0],
    });
    expect(preview.rows).toEqual([
      expect.objectContaining({ partition: 0, after: "10", note: "Past the log-end offset 10; moved down to it." }),
    ]);
    await reset(groupId, { kind: "offset", offset: "99" }, [0]);
    expect(await committed(groupId)).toEqual(["10", "2", "2"]);
    const [event] = await listAuditEvents({ clusterId, action: "group.reset-offsets", take: 1 });
    expect(event).toMatchObject({ actor: (await actorAs("operator")).id, target: groupId, outcome: "ok" });
  });

  it("refuses a reset and a deletion while a real consumer is a member, counting its members", async () => {
    const groupId = newGroup("active");
    await commitAll(groupId, "1");
    const consumer = kafka.consumer({ groupId });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topic });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    try {
      await joined;
      const preview = await caller.groups.offsets.previewReset({
        clusterId,
        groupId,
        topic,
        strategy: { kind: "earliest" },
      });
      expect(preview.blockedReason).toBe("The group has 1 active member; stop them first.");
      await expect(reset(groupId, { kind: "earliest" })).rejects.toMatchObject({
        message: "The group has 1 active member; stop them first.",
      });
      await expect(caller.groups.delete({ clusterId, groupId, confirmation: groupId })).rejects.toMatchObject({
        message: "The group has 1 active member; stop them first.",
      });
    } finally {
      await consumer.disconnect();
    }
    expect(await committed(groupId)).toEqual(["1", "1", "1"]);
  });

  it("guards a running KIP-848 group (which the classic DescribeGroups calls Dead) by its members, and resets it once they stopped", async () => {
    const groupId = newGroup("kip848");
    const java = startJavaConsumer(brokers.join(","), topic, groupId);
    try {
      // The new-protocol member joins and commits its position as it reads all 30 records.
      await expect
        .poll(() => caller.groups.offsets.guard({ clusterId, groupId }), { timeout: 90_000, interval: 500 })
        .toMatchObject({ state: "Stable", activeMembers: 1 });
      await expect.poll(() => committed(groupId), { timeout: 30_000 }).toEqual(["10", "10", "10"]);
      const blocked = "The group has 1 active member; stop them first.";
      const preview = await caller.groups.offsets.previewReset({
        clusterId,
        groupId,
        topic,
        strategy: { kind: "earliest" },
      });
      expect(preview).toMatchObject({ activeMembers: 1, blockedReason: blocked, groupNote: null });
      await expect(reset(groupId, { kind: "earliest" })).rejects.toMatchObject({ message: blocked });
      await expect(caller.groups.offsets.deleteTopicOffsets({ clusterId, groupId, topic })).rejects.toMatchObject({
        message: blocked,
      });
      await expect(caller.groups.delete({ clusterId, groupId, confirmation: groupId })).rejects.toMatchObject({
        message: blocked,
      });
      expect(await committed(groupId)).toEqual(["10", "10", "10"]);
      // A clean shutdown: the member leaves the group at once instead of after its session timeout.
      const exited = once(java, "exit");
      java.kill("SIGTERM");
      await exited;
    } finally {
      await stopJavaConsumer(java);
    }
    await expect
      .poll(() => caller.groups.offsets.guard({ clusterId, groupId }), { timeout: 90_000, interval: 1_000 })
      .toMatchObject({ activeMembers: 0, blockedReason: null });
    await reset(groupId, { kind: "offset", offset: "4" });
    expect(await committed(groupId)).toEqual(["4", "4", "4"]);
  }, 240_000);

  it("deletes a stopped group's committed offsets for one topic", async () => {
    const groupId = newGroup("forget-topic");
    await commitAll(groupId, "6");
    await expect(caller.groups.offsets.deleteTopicOffsets({ clusterId, groupId, topic })).resolves.toEqual({
      deletedPartitions: PARTITIONS,
    });
    expect(await committed(groupId)).toEqual(["-1", "-1", "-1"]);
  });

  it("deletes a stopped group only when its id is typed again", async () => {
    const groupId = newGroup("doomed");
    await commitAll(groupId, "3");
    await expect(caller.groups.delete({ clusterId, groupId, confirmation: "yes" })).rejects.toMatchObject({
      message: expect.stringContaining(`Type the group's id, ${groupId}`),
    });
    await caller.groups.delete({ clusterId, groupId, confirmation: groupId });
    const { groups } = await admin.listGroups();
    expect(groups.map((group) => group.groupId)).not.toContain(groupId);
    const [event] = await listAuditEvents({ clusterId, action: "group.delete", take: 1 });
    expect(event).toMatchObject({ target: groupId, outcome: "ok" });
  });

  it("keeps working after a topic it was asked about is deleted", async () => {
    const groupId = newGroup("after-delete");
    const doomed = `${prefix}-doomed-topic`;
    // A separate admin: kafkajs's own admin would keep asking for the deleted topic's metadata too.
    const other = kafka.admin();
    await other.connect();
    await other.createTopics({ topics: [{ topic: doomed, numPartitions: 1 }], waitForLeaders: true });
    await caller.groups.offsets.reset({ clusterId, groupId, topic: doomed, strategy: { kind: "latest" } });
    await other.deleteTopics({ topics: [doomed] });
    await other.disconnect();
    await commitAll(groupId, "2");
    await reset(groupId, { kind: "earliest" });
    expect(await committed(groupId)).toEqual(["0", "0", "0"]);
  });

  it("names a partition the topic does not have", async () => {
    const groupId = newGroup("missing");
    await expect(
      caller.groups.offsets.previewReset({ clusterId, groupId, topic, strategy: { kind: "latest" }, partitions: [7] }),
    ).rejects.toMatchObject({ message: `The topic ${topic} has no partition 7.` });
  });
});
