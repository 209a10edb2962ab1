import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, withAdmin, withProducer } from "./client-registry";
import { createTopic } from "./topics/create-topic";
import { deleteTopic } from "./topics/delete-topic";

const target = { id: "client-registry-test", bootstrapServers: inject("kafkaBrokers") };
const prefix = `t-${Date.now().toString(36)}-registry`;
const [gone, kept] = [`${prefix}-gone`, `${prefix}-kept`];

beforeAll(async () => {
  for (const name of [gone, kept]) {
    await createTopic(target, { name, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
});

afterAll(async () => {
  await deleteTopic(target, kept);
  await disconnectCluster(target.id);
});

describe("the shared kafkajs clients", () => {
  it("keep working after a topic they were asked about is deleted", async () => {
    // kafkajs remembers every topic an admin or producer touched and refreshes them all later.
    await withAdmin(target, (admin) => admin.fetchTopicMetadata({ topics: [gone] }));
    await withProducer(target, (producer) => producer.send({ topic: gone, messages: [{ value: "x" }] }));
    await deleteTopic(target, gone);

    const metadata = await withAdmin(target, (admin) => admin.fetchTopicMetadata({ topics: [kept] }));
    expect(metadata.topics.map((topic) => topic.name)).toEqual([kept]);
    const sent = await withProducer(target, (producer) => producer.send({ topic: kept, messages: [{ value: "y" }] }));
    expect(sent[0]?.baseOffset).toBe("0");
  });

  it("still say so when the topic really does not exist", async () => {
    await expect(
      withAdmin(target, (admin) => admin.fetchTopicMetadata({ topics: [`${prefix}-never`] })),
    ).rejects.toThrow("The topic or partition does not exist on this cluster.");
  });
});
