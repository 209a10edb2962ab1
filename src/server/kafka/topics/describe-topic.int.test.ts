import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin, withProducer } from "../client-registry";
import { describeTopic } from "./describe-topic";

const target = { id: "describe-topic-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-describe`;

beforeAll(async () => {
  await createTopic(
    target,
    { name: topic, partitions: 2, replicationFactor: 1, configs: { "max.message.bytes": "200000" } },
    { validateOnly: false },
  );
  await withProducer(target, (producer) =>
    producer.send({ topic, messages: [1, 1, 1].map((partition) => ({ partition, value: "v" })) }),
  );
});

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("describeTopic", () => {
  it("lists each partition's leader, replicas, ISR and watermarks as strings", async () => {
    const description = await describeTopic(target, topic);
    expect(description.isInternal).toBe(false);
    expect(description.partitions).toHaveLength(2);
    const [first, second] = description.partitions;
    expect(first).toMatchObject({ partition: 0, lowWatermark: "0", highWatermark: "0", offlineReplicas: [] });
    expect(second).toMatchObject({ partition: 1, lowWatermark: "0", highWatermark: "3" });
    expect(second?.leader).not.toBeNull();
    expect(second?.replicas).toEqual([second?.leader]);
    expect(second?.isr).toEqual(second?.replicas);
  });

  it("says where each config's value comes from", async () => {
    const { configs } = await describeTopic(target, topic);
    expect(configs.find((config) => config.name === "max.message.bytes")).toEqual({
      name: "max.message.bytes",
      value: "200000",
      source: "dynamic-topic",
      isDefault: false,
      isSensitive: false,
      readOnly: false,
    });
    expect(configs.find((config) => config.name === "message.timestamp.type")).toMatchObject({
      value: "CreateTime",
      source: "default",
      isDefault: true,
    });
    expect(configs.every((config) => !config.isSensitive || config.value === null)).toBe(true);
  });

  it("answers NOT_FOUND with a sentence for a topic that does not exist", async () => {
    await expect(describeTopic(target, `${topic}-missing`)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `There is no topic named ${topic}-missing on this cluster.`,
    });
  });
});
