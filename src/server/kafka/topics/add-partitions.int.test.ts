import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin } from "../client-registry";
import { addPartitions } from "./add-partitions";
import { describeTopic } from "./describe-topic";

const target = { id: "add-partitions-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-partitions`;

beforeAll(() =>
  createTopic(target, { name: topic, partitions: 2, replicationFactor: 1, configs: {} }, { validateOnly: false }),
);

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("addPartitions", () => {
  it("raises the partition count", async () => {
    await addPartitions(target, topic, 6);
    expect((await describeTopic(target, topic)).partitions.map((partition) => partition.partition)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it("refuses a decrease before asking Kafka, with a sentence that says how many there are", async () => {
    await expect(addPartitions(target, topic, 3)).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "A topic's partitions can be added but never removed: it has 6, so choose more than 6.",
    });
    expect((await describeTopic(target, topic)).partitions).toHaveLength(6);
  });

  it("answers NOT_FOUND for a topic that does not exist", async () => {
    await expect(addPartitions(target, `${topic}-missing`, 3)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
