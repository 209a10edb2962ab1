import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureConsumerOffsetsTopic } from "./consumer-offsets.test-support";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin, withProducer } from "../client-registry";
import { listTopicSummaries } from "./list-topics";

const target = { id: "list-topics-test", bootstrapServers: inject("kafkaBrokers") };
const run = `t-${Date.now().toString(36)}-list`;
const busy = `${run}-busy`;
const quiet = `${run}-quiet`;

beforeAll(async () => {
  const configs = { "retention.ms": "3600000", "retention.bytes": "1048576" };
  await createTopic(target, { name: busy, partitions: 3, replicationFactor: 1, configs }, { validateOnly: false });
  await createTopic(target, { name: quiet, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  await ensureConsumerOffsetsTopic(target);
  await withProducer(target, (producer) =>
    producer.send({
      topic: busy,
      messages: [0, 1, 2, 0, 1].map((partition, index) => ({ partition, value: `m${index}` })),
    }),
  );
});

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [busy, quiet] }));
  await disconnectCluster(target.id);
});

describe("listTopicSummaries", () => {
  it("summarises each topic's partitions, estimated message count and retention", async () => {
    const summaries = await listTopicSummaries(target, { includeInternal: false });
    expect(summaries.find((summary) => summary.name === busy)).toEqual({
      name: busy,
      isInternal: false,
      partitionCount: 3,
      replicationFactor: 1,
      underReplicatedPartitions: 0,
      offlinePartitions: 0,
      messageCount: "5",
      retentionMs: "3600000",
      retentionBytes: "1048576",
      cleanupPolicy: "delete",
    });
    // Without an override the effective (broker default) value is shown.
    expect(summaries.find((summary) => summary.name === quiet)).toMatchObject({
      messageCount: "0",
      retentionBytes: "-1",
    });
  });

  it("hides Kafka's internal topics unless asked for them", async () => {
    const visible = await listTopicSummaries(target, { includeInternal: false });
    expect(visible.some((summary) => summary.isInternal)).toBe(false);
    const all = await listTopicSummaries(target, { includeInternal: true });
    expect(all.find((summary) => summary.name === "__consumer_offsets")).toMatchObject({ isInternal: true });
  });

  it("fetches counts and configs only for the requested page, but lists every topic", async () => {
    const summaries = await listTopicSummaries(target, { includeInternal: false, names: [quiet] });
    expect(summaries.find((summary) => summary.name === busy)).toMatchObject({
      partitionCount: 3,
      messageCount: null,
      retentionMs: null,
    });
    expect(summaries.find((summary) => summary.name === quiet)).toMatchObject({
      messageCount: "0",
      cleanupPolicy: "delete",
    });
  });

  it("returns the topics sorted by name", async () => {
    const names = (await listTopicSummaries(target, { includeInternal: true })).map((summary) => summary.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
