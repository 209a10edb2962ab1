import { randomUUID } from "node:crypto";
import {
  AssignerProtocol,
  ConfigResourceTypes,
  Kafka,
  logLevel,
  type Consumer,
  type EachMessagePayload,
} from "kafkajs";
import { untilApplied } from "./topics/until-applied";
import { afterAll, describe, expect, inject, it } from "vitest";

/**
 * kafkajs 2.2.4 is frozen upstream while Kafka 4 removed old protocol versions (KIP-896). This
 * proves, against the broker apps/kafka-local pins, that every kafkajs call the app relies on
 * still speaks a version the broker accepts. If a Kafka upgrade breaks one, this names it.
 */
const run = randomUUID().slice(0, 8);
const topic = `tributary-compat-${run}`;
const groupId = `tributary-compat-group-${run}`;
const keys = ["server-1-cpu", "server-2-cpu", "server-3-cpu"];
const messagesPerKey = 10;

const kafka = new Kafka({
  clientId: "tributary-compat-test",
  brokers: inject("kafkaBrokers").split(","),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
// Idempotent, as the app's producer is: a partition of the new topic may refuse the first request
// while others accept it, and kafkajs retries the whole request; without idempotence the accepted
// records would be written twice (seen: 50 records for 30 sent).
const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
let consumer: Consumer | undefined;

afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
  // Clean up even when a step failed half-way; both calls tolerate "already gone" only via catch.
  await admin.deleteGroups([groupId]).catch(() => undefined);
  if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
});

/** Resolves with the messages once `count` have arrived; no sleeping, the last eachMessage settles it. */
async function consumeGroup(count: number): Promise<EachMessagePayload[]> {
  // A short fetch wait keeps disconnect quick: kafkajs waits for the fetch in flight before leaving.
  consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const received: EachMessagePayload[] = [];
  await new Promise<void>((resolve, reject) => {
    // kafkajs reports retriable errors (e.g. "coordinator is loading" on a fresh cluster) as a crash it
    // recovers from by restarting the consumer; only a crash without restart is a failure.
    consumer!.on(consumer!.events.CRASH, (event) => {
      if (!event.payload.restart) reject(event.payload.error);
    });
    void consumer!
      .run({
        eachMessage: async (payload) => {
          received.push(payload);
          if (received.length === count) resolve();
        },
      })
      .catch(reject);
  });
  return received;
}

describe("kafkajs 2.2.4 against the pinned Kafka", () => {
  it("creates a topic with partitions", async () => {
    await admin.connect();
    // kafkajs's own waitForLeaders gives up when a KRaft broker takes a moment to load the new
    // partitions (seen under load), so wait for leaders the way the app's createTopic does.
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: false,
    });
    expect(created).toBe(true);
    await untilApplied(async () => {
      const partitions = (await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => null))?.topics[0]?.partitions;
      return partitions?.length === 3 && partitions.every((partition) => partition.leader >= 0);
    }, "topic creation");
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });

  it("produces keyed messages with acks from all in-sync replicas", async () => {
    await producer.connect();
    const messages = keys.flatMap((key) =>
      Array.from({ length: messagesPerKey }, (_, index) => ({ key, value: `${key}:${index}` })),
    );
    const results = await producer.send({ topic, acks: -1, messages });
    expect(results.every((result) => result.errorCode === 0)).toBe(true);
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(keys.length * messagesPerKey);
  });

  it("consumes with a group: each key stays in one partition, in order", async () => {
    const received = await consumeGroup(keys.length * messagesPerKey);
    for (const key of keys) {
      const ofKey = received.filter(({ message }) => message.key?.toString() === key);
      expect(new Set(ofKey.map(({ partition }) => partition)).size).toBe(1);
      expect(ofKey.map(({ message }) => message.value?.toString())).toEqual(
        Array.from({ length: messagesPerKey }, (_, index) => `${key}:${index}`),
      );
    }
  });

  it("describes and lists the group while its member holds every partition", async () => {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    expect(group).toMatchObject({ groupId, state: "Stable", protocolType: "consumer", errorCode: 0 });
    expect(group?.members).toHaveLength(1);
    const assignment = AssignerProtocol.MemberAssignment.decode(group!.members[0]!.memberAssignment);
    expect(assignment?.assignment[topic]?.slice().sort()).toEqual([0, 1, 2]);
    const listed = await admin.listGroups();
    expect(listed.groups).toContainEqual({ groupId, protocolType: "consumer" });
  });

  it("commits the group's offsets up to the end of each partition", async () => {
    await consumer?.disconnect(); // leaving the group commits what was consumed
    consumer = undefined;
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await admin.fetchTopicOffsets(topic);
    const committedByPartition = new Map(
      committed?.partitions.map((partition) => [partition.partition, partition.offset]),
    );
    for (const end of ends) {
      // A partition no key hashed to has nothing to commit: Kafka reports -1 ("no offset") for it.
      expect(committedByPartition.get(end.partition)).toBe(end.high === "0" ? "-1" : end.high);
    }
    const { groups } = await admin.describeGroups([groupId]);
    expect(groups[0]?.state).toBe("Empty");
  });

  it("alters a topic config and reads it back", async () => {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: "retention.ms", value: "3600000" }] },
      ],
    });
    // The controller confirms once the change is in the metadata log; the broker applies it a moment
    // later (KRaft), so read until it shows — bounded by untilApplied's timeout.
    const describe = () =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ["retention.ms"] }],
      });
    await untilApplied(
      async () =>
        (await describe()).resources[0]?.configEntries.some((entry) => entry.configValue === "3600000") ?? false,
      "retention.ms change",
    );
    const described = await describe();
    expect(described.resources[0]?.configEntries).toContainEqual(
      expect.objectContaining({ configName: "retention.ms", configValue: "3600000", isDefault: false }),
    );
  });

  it("adds partitions", async () => {
    await admin.createPartitions({ topicPartitions: [{ topic, count: 5 }] });
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(5);
  });

  it("deletes the group and the topic", async () => {
    await admin.deleteGroups([groupId]);
    expect((await admin.listGroups()).groups.map((group) => group.groupId)).not.toContain(groupId);
    await admin.deleteTopics({ topics: [topic] });
    expect(await admin.listTopics()).not.toContain(topic);
  });
});
