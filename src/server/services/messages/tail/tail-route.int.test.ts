import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TMessage } from "~/domain/messages/message";
import type { TTailBatch } from "~/domain/messages/tail-batch";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { activeTailReaders } from "~/server/services/messages/tail/shared-tails";
import { actorAs, callerAs } from "../../../../../test/caller-as";
import { readTailRoute, type TTailRouteRequest } from "../../../../../test/tail-route";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "tail-test-outside", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const topic = `int-tail-${Date.now().toString(36)}`;
let clusterId = "";

/** Events are awaited, not timed: on a loaded machine a reader takes seconds to connect and stop. */
const UNTIL = { timeout: 20_000 };

/** The tail route as the operator's tab reads it, one event at a time; `close()` aborts it. */
function tailEvents(request: Omit<TTailRouteRequest, "clusterId" | "topic"> & { topic?: string }) {
  const controller = new AbortController();
  const events = readTailRoute("operator", { clusterId, topic, ...request }, controller.signal);
  return {
    next: async () => (await events.next()).value as { id: string; batch: TTailBatch },
    close: async () => {
      controller.abort();
      await events.return(undefined);
    },
  };
}

/** A tail read in the background, as fast as it comes, like a browser tab would. */
function openTail(partitions: number[] | null, name = topic) {
  const controller = new AbortController();
  const batches: TTailBatch[] = [];
  const errors: unknown[] = [];
  const done = (async () => {
    const events = readTailRoute("operator", { clusterId, topic: name, partitions }, controller.signal);
    for await (const event of events) batches.push(event.batch);
  })().catch((error: unknown) => errors.push(error));
  const messages = (): TMessage[] => batches.flatMap((batch) => batch.messages);
  return {
    batches,
    errors,
    messages,
    isLive: () => batches.some((batch) => batch.status.state === "live"),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

async function produce(partition: number, key: string, value = `value of ${key}`, through = producer): Promise<string> {
  const [ack] = await through.send({ topic, messages: [{ partition, key, value }] });
  return ack!.baseOffset!;
}

function readersOfTopic(name = topic) {
  return activeTailReaders().filter((reader) => reader.topic === name);
}

beforeAll(async () => {
  await Promise.all([admin.connect(), producer.connect()]);
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const [cluster] = (await callerAs("operator").clusters.list()).filter((c) => c.name === "integration");
  clusterId = cluster!.id;
  // Something to not show: records written before anyone subscribed.
  await produce(0, "old");
});

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] });
  await Promise.all([admin.disconnect(), producer.disconnect()]);
  await disconnectAllClusters();
});

describe("the live tail route", () => {
  it("streams a message produced after subscribing, with its partition, offset and key, and none from before", async () => {
    const tail = openTail(null);
    await expect.poll(tail.isLive, UNTIL).toBe(true);
    const offset = await produce(1, "fresh");
    await expect.poll(() => tail.messages().map((message) => message.offset), UNTIL).toContain(offset);
    const [message] = tail.messages();
    expect(message).toMatchObject({ partition: 1, offset, key: { base64: Buffer.from("fresh").toString("base64") } });
    expect(Buffer.from(message!.value!.base64, "base64").toString()).toBe("value of fresh");
    expect(tail.messages().some((candidate) => candidate.partition === 0)).toBe(false);
    await tail.close();
  });

  it("sends only the chosen partitions", async () => {
    const tail = openTail([2]);
    await expect.poll(tail.isLive, UNTIL).toBe(true);
    await produce(0, "not-chosen");
    const offset = await produce(2, "chosen");
    await expect.poll(() => tail.messages().length, UNTIL).toBeGreaterThan(0);
    expect(tail.messages().map((message) => [message.partition, message.offset])).toEqual([[2, offset]]);
    await tail.close();
  });

  it("serves two subscribers of one topic from one reader, which stops when both have left", async () => {
    const first = openTail(null);
    const second = openTail([0]);
    await expect.poll(() => first.isLive() && second.isLive(), UNTIL).toBe(true);
    expect(readersOfTopic()).toHaveLength(1);
    const offset = await produce(0, "shared");
    await expect.poll(() => first.messages().some((message) => message.offset === offset), UNTIL).toBe(true);
    await expect.poll(() => second.messages().some((message) => message.offset === offset), UNTIL).toBe(true);
    await first.close();
    expect(readersOfTopic()).toHaveLength(1);
    await second.close();
    await expect.poll(() => readersOfTopic(), UNTIL).toHaveLength(0);
  });

  it("counts as skipped what a subscriber that does not keep up missed, and loses nothing else", async () => {
    const witness = openTail(null);
    const slow = tailEvents({ partitions: null });
    await slow.next(); // the "live" event; after it, nothing is read until the burst is over
    await expect.poll(witness.isLive, UNTIL).toBe(true);
    const total = 2_500;
    await producer.send({
      topic,
      messages: Array.from({ length: total }, (_, index) => ({ partition: index % 3, value: `burst ${index}` })),
    });
    // The witness reads as fast as it can, yet a burst this big exceeds its queue at once, too.
    const witnessed = () => witness.messages().length + witness.batches.reduce((sum, batch) => sum + batch.skipped, 0);
    await expect.poll(witnessed, { timeout: 20_000 }).toBe(total);

    let sent = 0;
    let skipped = 0;
    while (sent + skipped < total) {
      const { batch } = await slow.next();
      sent += batch.messages.length;
      skipped += batch.skipped;
    }
    expect(skipped).toBeGreaterThan(0);
    expect(sent + skipped).toBe(total);
    await slow.close();
    await witness.close();
  });

  it("follows a partition added while tailing", async () => {
    const tail = openTail(null);
    await expect.poll(tail.isLive, UNTIL).toBe(true);
    await admin.createPartitions({ topicPartitions: [{ topic, count: 4 }] });
    // A new producer, because the shared one's metadata does not know partition 3 yet.
    const another = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await another.connect();
    const offset = await produce(3, "in a new partition", "value", another).finally(() => another.disconnect());
    await expect
      .poll(() => tail.messages().some((message) => message.partition === 3 && message.offset === offset), {
        timeout: 30_000,
      })
      .toBe(true);
    await tail.close();
  });

  it("creates no consumer group and writes one audit row per tail start", async () => {
    const before = (await admin.listGroups()).groups.map((group) => group.groupId);
    const audits = await listAuditEvents({ clusterId, action: "messages.tail", take: 1_000 });
    const tail = openTail(null);
    await expect.poll(tail.isLive, UNTIL).toBe(true);
    const offset = await produce(1, "no-group");
    await expect.poll(() => tail.messages().some((message) => message.offset === offset), UNTIL).toBe(true);
    await tail.close();
    expect((await admin.listGroups()).groups.map((group) => group.groupId)).toEqual(before);
    const after = await listAuditEvents({ clusterId, action: "messages.tail", take: 1_000 });
    expect(after.length).toBe(audits.length + 1);
    expect(after[0]).toMatchObject({ target: topic, actor: (await actorAs("operator")).id });
  });

  it("says in a sentence when the topic or the partition does not exist", async () => {
    const missing = openTail(null, `${topic}-missing`);
    await expect.poll(() => missing.errors.length, UNTIL).toBe(1);
    expect(missing.errors[0]).toMatchObject({
      status: 404,
      message: expect.stringContaining(`There is no topic named ${topic}-missing on this cluster.`),
    });

    const badPartition = openTail([9]);
    await expect.poll(() => badPartition.errors.length, UNTIL).toBe(1);
    expect(badPartition.errors[0]).toMatchObject({
      status: 400,
      message: expect.stringContaining(`The topic ${topic} has no partition 9.`),
    });
    await expect.poll(() => readersOfTopic(`${topic}-missing`), UNTIL).toHaveLength(0);
  });

  it("says in a sentence that the cluster is unreachable and that it retries, instead of ending the tail", async () => {
    const dead = await upsertClusterByName(`dead-tail-${Date.now().toString(36)}`, "127.0.0.1:1");
    const controller = new AbortController();
    try {
      const events = readTailRoute("operator", { clusterId: dead.id, topic, partitions: null }, controller.signal);
      const { batch } = (await events.next()).value as { batch: TTailBatch };
      expect(batch.status).toMatchObject({ state: "reconnecting", retryInMs: 1_000 });
      expect(batch.status.state === "reconnecting" && batch.status.message).toMatch(/127\.0\.0\.1:1/);
      controller.abort();
      await events.return(undefined);
    } finally {
      await deleteClusterRecord(dead.id);
    }
  });

  it("starts with the newest N messages of the chosen partition when asked", async () => {
    const offsets = [await produce(2, "n1"), await produce(2, "n2"), await produce(2, "n3")];
    const events = tailEvents({ partitions: [2], last: 2 });
    const { batch } = await events.next();
    expect(batch.messages.map((message) => [message.partition, message.offset])).toEqual([
      [2, offsets[1]],
      [2, offsets[2]],
    ]);
    await events.close();
  });

  it("resumes a reconnected stream from its last event id with what arrived in between, without a second audit row", async () => {
    const events = tailEvents({ partitions: [0] });
    await events.next(); // live
    const seen = await produce(0, "seen");
    let lastEventId = "";
    while (!lastEventId) {
      const event = await events.next();
      if (event.batch.messages.some((message) => message.offset === seen)) lastEventId = event.id;
    }
    await events.close();

    const missed = [await produce(0, "missed-1"), await produce(0, "missed-2")];
    const audits = await listAuditEvents({ clusterId, action: "messages.tail", take: 1_000 });
    const resumed = tailEvents({ partitions: [0], lastEventId });
    const { batch: caughtUp } = await resumed.next();
    expect(caughtUp.messages.map((message) => message.offset)).toEqual(missed);
    expect(caughtUp.skipped).toBe(0);
    await resumed.close();
    expect(await listAuditEvents({ clusterId, action: "messages.tail", take: 1_000 })).toHaveLength(audits.length);
  });
});
