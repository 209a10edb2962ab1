import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, kafkaFor, withAdmin, withProducer } from "../client-registry";
import { prepareInternalTopics, uniqueName } from "./runtime-test-kit";
import { ensureChangelogTopic, readChangelogPartition } from "./step-member";

const target = { id: "changelog-reader-test", bootstrapServers: inject("kafkaBrokers") };
const topic = uniqueName("step.changelog");

beforeAll(() => prepareInternalTopics(target));

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("readChangelogPartition", () => {
  it("restores the last value per key, without deleted keys, aborted writes or other partitions", async () => {
    expect(await ensureChangelogTopic(target, topic, 2, 1)).toBe(true);
    expect(await ensureChangelogTopic(target, topic, 2, 1)).toBe(false);
    await withProducer(target, (producer) =>
      producer.send({
        topic,
        acks: -1,
        messages: [
          { partition: 0, key: "sensor-1", value: '{"count":1}' },
          { partition: 0, key: "sensor-2", value: '{"count":1}' },
          { partition: 0, key: "sensor-1", value: '{"count":2}' },
          { partition: 0, key: "sensor-3", value: '{"count":1}' },
          { partition: 0, key: "sensor-2", value: null },
          { partition: 1, key: "sensor-9", value: '{"count":7}' },
        ],
      }),
    );
    // A transaction that is aborted: a read_committed restore must not see it.
    const producer = kafkaFor(target).producer({
      transactionalId: `${topic}.aborted`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({ topic, messages: [{ partition: 0, key: "sensor-3", value: '{"count":99}' }] });
    await transaction.abort();
    await producer.disconnect();

    const entries = await readChangelogPartition(target, topic, 0);
    expect(entries.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "sensor-1", value: '{"count":2}' },
      { key: "sensor-3", value: '{"count":1}' },
    ]);
  });

  it("reads a partition larger than one fetch round (50,000 records, 11 MB) back to the last value of each key", async () => {
    const chunk = 2_000; // a produce request stays well under the broker's 1 MB message.max.bytes
    const padding = "x".repeat(200);
    await withProducer(target, async (producer) => {
      for (let start = 0; start < 50_000; start += chunk) {
        await producer.send({
          topic,
          acks: -1,
          messages: Array.from({ length: chunk }, (_, index) => {
            const sequence = start + index;
            return { partition: 1, key: `key-${sequence % 25_000}`, value: `${sequence} ${padding}` };
          }),
        });
      }
    });
    const entries = await readChangelogPartition(target, topic, 1);
    const byKey = new Map(entries.map((entry) => [entry.key, entry.value]));
    // sensor-9 was written to partition 1 by the first test.
    expect(byKey.size).toBe(25_001);
    expect(byKey.get("key-0")).toBe(`25000 ${padding}`);
    expect(byKey.get("key-24999")).toBe(`49999 ${padding}`);
  });
});
