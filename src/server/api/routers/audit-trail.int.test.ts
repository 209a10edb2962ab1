import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "~/server/auth/actor";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { audited } from "~/server/services/audit/audited";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { createCaller } from "../root";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "audit-trail-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const prefix = `int-audit-${Date.now().toString(36)}`;
const topic = `${prefix}-topic`;
// An admin: topic changes need the admin role.
const ada: Actor = { id: `${prefix}-ada`, name: "Ada Lovelace", role: "admin" };
const client = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (audit trail test)" };
const caller = createCaller({ actor: ada, client });
let clusterId = "";

beforeAll(async () => {
  clusterId = (await upsertClusterByName(`${prefix}-cluster`, brokers.join(","))).id;
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({
    topic,
    messages: [0, 1, 2].flatMap((p) => [0, 1, 2, 3].map((i) => ({ partition: p, key: `k${i}`, value: `v${i}` }))),
  });
  await producer.disconnect();
});

afterAll(async () => {
  const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.deleteGroups([`${prefix}-group`]).catch(() => undefined);
  await admin.disconnect();
  await disconnectAllClusters();
  await deleteClusterRecord(clusterId);
});

const latest = async (action: string) => (await listAuditEvents({ clusterId, action, take: 1 }))[0];

describe("the audit trail", () => {
  it("names who made a change, from which address and browser, and completes the row once Kafka answered", async () => {
    const name = `${prefix}-created`;
    await caller.topics.create({
      clusterId,
      spec: { name, partitions: 1, replicationFactor: 1, configs: {} },
    });
    expect(await latest("topic.create")).toMatchObject({
      actor: ada.id,
      actorName: "Ada Lovelace",
      target: name,
      outcome: "ok",
      reason: null,
      ip: client.ip,
      userAgent: client.userAgent,
      completedAt: expect.any(Date),
    });
  });

  it("writes the row as pending before the change runs", async () => {
    const cluster = await getCluster(clusterId);
    let seenDuringChange: unknown;
    await audited({ by: { actor: ada, client }, action: "test.pending-probe", cluster, target: topic }, async () => {
      seenDuringChange = await latest("test.pending-probe");
    });
    expect(seenDuringChange).toMatchObject({ outcome: "pending", completedAt: null, actorName: "Ada Lovelace" });
    expect(await latest("test.pending-probe")).toMatchObject({ outcome: "ok" });
  });

  it("leaves an error row with the sentence the user saw when Kafka refuses the change", async () => {
    const missing = `${prefix}-never-created`;
    const error = await caller.topics.delete({ clusterId, name: missing, confirmation: missing }).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toBeTruthy();
    expect(await latest("topic.delete")).toMatchObject({
      actor: ada.id,
      target: missing,
      outcome: "error",
      reason: error?.message,
      completedAt: expect.any(Date),
    });
  });

  it("records the offsets of every partition before and after a reset", async () => {
    const groupId = `${prefix}-group`;
    await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: "1" })) });
    await caller.groups.offsets.reset({ clusterId, groupId, topic, strategy: { kind: "earliest" } });
    const row = await latest("group.reset-offsets");
    expect(row).toMatchObject({ target: groupId, outcome: "ok", ip: client.ip });
    expect((row?.details as { offsets: unknown[] }).offsets).toEqual([
      { partition: 0, before: "1", after: "0" },
      { partition: 1, before: "1", after: "0" },
      { partition: 2, before: "1", after: "0" },
    ]);
  });

  it("records reads of message data — browse, one message, key sample — with the reader's address", async () => {
    await caller.messages.browse({
      clusterId,
      topic,
      partition: 0,
      start: { kind: "earliest" },
      order: "oldest-first",
      limit: 2,
    });
    await caller.messages.get({ clusterId, topic, partition: 1, offset: "0" });
    await caller.topics.keySample({ clusterId, name: topic, limit: 10 });
    for (const action of ["messages.browse", "messages.get", "topic.key-sample"]) {
      expect(await latest(action), action).toMatchObject({
        actor: ada.id,
        actorName: "Ada Lovelace",
        target: topic,
        outcome: "ok",
        ip: client.ip,
        userAgent: client.userAgent,
      });
    }
  });
});
