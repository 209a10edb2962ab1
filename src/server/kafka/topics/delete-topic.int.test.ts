import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureConsumerOffsetsTopic } from "./consumer-offsets.test-support";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin } from "../client-registry";
import { deleteTopic } from "./delete-topic";

const target = { id: "delete-topic-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-delete`;

beforeAll(async () => {
  await createTopic(target, { name: topic, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  await ensureConsumerOffsetsTopic(target);
});

afterAll(async () => {
  const existing = await withAdmin(target, (admin) => admin.listTopics());
  if (existing.includes(topic)) await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("deleteTopic", () => {
  it("deletes a topic", async () => {
    await deleteTopic(target, topic);
    expect(await withAdmin(target, (admin) => admin.listTopics())).not.toContain(topic);
  });

  it("refuses to delete Kafka's internal topics", async () => {
    await expect(deleteTopic(target, "__consumer_offsets")).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "Kafka's internal topics cannot be deleted.",
    });
    expect(await withAdmin(target, (admin) => admin.listTopics())).toContain("__consumer_offsets");
  });

  it("answers NOT_FOUND for a topic that does not exist", async () => {
    await expect(deleteTopic(target, `${topic}-missing`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
