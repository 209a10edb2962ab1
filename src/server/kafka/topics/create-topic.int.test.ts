import { afterAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, withAdmin } from "../client-registry";
import { createTopic } from "./create-topic";

const target = { id: "create-topic-test", bootstrapServers: inject("kafkaBrokers") };
const run = `t-${Date.now().toString(36)}-create`;
const created: string[] = [];

function spec(
  suffix: string,
  overrides: Partial<{ partitions: number; replicationFactor: number; configs: Record<string, string> }> = {},
) {
  const name = `${run}-${suffix}`;
  created.push(name);
  return { name, partitions: 2, replicationFactor: 1, configs: {}, ...overrides };
}

async function topicExists(name: string): Promise<boolean> {
  return withAdmin(target, async (admin) => (await admin.listTopics()).includes(name));
}

afterAll(async () => {
  const existing = await withAdmin(target, (admin) => admin.listTopics());
  const leftovers = created.filter((name) => existing.includes(name));
  if (leftovers.length > 0) await withAdmin(target, (admin) => admin.deleteTopics({ topics: leftovers }));
  await disconnectCluster(target.id);
});

describe("createTopic", () => {
  it("creates a topic with its partitions and configs, ready for producers", async () => {
    const topic = spec("ok", { configs: { "cleanup.policy": "compact" } });
    await createTopic(target, topic, { validateOnly: false });
    const metadata = await withAdmin(target, (admin) => admin.fetchTopicMetadata({ topics: [topic.name] }));
    expect(metadata.topics[0]?.partitions).toHaveLength(2);
    expect(metadata.topics[0]?.partitions.every((partition) => partition.leader >= 0)).toBe(true);
  });

  it("only checks the topic when validateOnly is set", async () => {
    const topic = spec("dry-run");
    await createTopic(target, topic, { validateOnly: true });
    expect(await topicExists(topic.name)).toBe(false);
  });

  it("refuses an existing name with a sentence that names it", async () => {
    const topic = spec("twice");
    await createTopic(target, topic, { validateOnly: false });
    await expect(createTopic(target, topic, { validateOnly: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `A topic named ${topic.name} already exists.`,
    });
  });

  it("refuses replication factor 3 on a 1-broker cluster with a sentence that names 1 broker", async () => {
    await expect(
      createTopic(target, spec("rf3", { replicationFactor: 3 }), { validateOnly: false }),
    ).rejects.toMatchObject({
      code: "KAFKA_REJECTED",
      message: "Replication factor 3 is larger than the 1 broker in this cluster.",
    });
  });

  it("names the config whose value Kafka refused", async () => {
    const topic = spec("bad-config", { configs: { "retention.ms": "3600000", "cleanup.policy": "sometimes" } });
    await expect(createTopic(target, topic, { validateOnly: false })).rejects.toMatchObject({
      code: "KAFKA_REJECTED",
      message: 'Kafka refused the value "sometimes" for cleanup.policy.',
    });
    expect(await topicExists(topic.name)).toBe(false);
  });

  it("refuses a name Kafka does not allow with a sentence", async () => {
    await expect(createTopic(target, spec("bad name!"), { validateOnly: false })).rejects.toMatchObject({
      code: "KAFKA_REJECTED",
      message: "Kafka refused the topic name.",
    });
  });
});
