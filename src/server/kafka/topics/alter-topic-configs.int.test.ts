import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin } from "../client-registry";
import { alterTopicConfigs } from "./alter-topic-configs";
import { describeTopic } from "./describe-topic";

const target = { id: "alter-topic-configs-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-alter`;

/** The topic's own overrides, as the describe page shows them. */
async function overrides(): Promise<Record<string, string | null>> {
  const { configs } = await describeTopic(target, topic);
  return Object.fromEntries(
    configs.filter((config) => config.source === "dynamic-topic").map((c) => [c.name, c.value]),
  );
}

beforeAll(() =>
  createTopic(
    target,
    { name: topic, partitions: 1, replicationFactor: 1, configs: { "cleanup.policy": "compact" } },
    { validateOnly: false },
  ),
);

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("alterTopicConfigs", () => {
  it("changes one config and keeps the topic's other overrides", async () => {
    await alterTopicConfigs(target, topic, { "max.message.bytes": "300000" });
    await alterTopicConfigs(target, topic, { "retention.ms": "7200000" });
    expect(await overrides()).toEqual({
      "cleanup.policy": "compact",
      "max.message.bytes": "300000",
      "retention.ms": "7200000",
    });
  });

  it("resets a config to the broker's default by removing only that override", async () => {
    await alterTopicConfigs(target, topic, { "max.message.bytes": null });
    expect(await overrides()).toEqual({ "cleanup.policy": "compact", "retention.ms": "7200000" });
    const { configs } = await describeTopic(target, topic);
    expect(configs.find((config) => config.name === "max.message.bytes")?.source).not.toBe("dynamic-topic");
  });

  it("changes nothing when only validating", async () => {
    await alterTopicConfigs(target, topic, { "retention.ms": "60000" }, { validateOnly: true });
    expect((await overrides())["retention.ms"]).toBe("7200000");
  });

  it("names the config whose value Kafka refused, and keeps the others", async () => {
    await expect(alterTopicConfigs(target, topic, { "cleanup.policy": "sometimes" })).rejects.toMatchObject({
      code: "KAFKA_REJECTED",
      message: 'Kafka refused the value "sometimes" for cleanup.policy.',
    });
    expect(await overrides()).toEqual({ "cleanup.policy": "compact", "retention.ms": "7200000" });
  });

  it("answers NOT_FOUND for a topic that does not exist", async () => {
    await expect(alterTopicConfigs(target, `${topic}-missing`, { "retention.ms": "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
