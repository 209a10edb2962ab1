import { expect, test } from "@playwright/test";
import kafkajs from "kafkajs";
import { countMovedKeys } from "../src/domain/partitioner/key-movement";
import { clusterIdFor, testBrokers, uniqueName, withOutsideAdmin } from "./fixtures";

const KEYS = Array.from({ length: 10 }, (_, index) => `sensor-${index}`);
const PER_KEY = 20;

/** 10 keys × 20 messages, placed by kafkajs's Java-compatible partitioner; messages per partition. */
async function produceKeyed(topic: string): Promise<Map<number, number>> {
  const kafka = new kafkajs.Kafka({
    clientId: "e2e-keys",
    brokers: testBrokers().split(","),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  const perPartition = new Map<number, number>();
  try {
    for (const key of KEYS) {
      const messages = Array.from({ length: PER_KEY }, (_, index) => ({ key, value: String(index) }));
      for (const result of await producer.send({ topic, messages })) {
        // baseOffset is the first of the batch: one batch per send to one partition here.
        perPartition.set(result.partition, (perPartition.get(result.partition) ?? 0) + PER_KEY);
      }
    }
  } finally {
    await producer.disconnect();
  }
  return perPartition;
}

test("shows how a topic's keys spread and how many would move when partitions are added", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-keys");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
  );
  try {
    const produced = await produceKeyed(topic);
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=keys`);

    // (1) The distribution: 10 distinct keys, and each partition's count is what was produced there.
    const view = page.getByRole("region", { name: "Key distribution" });
    await expect(view.getByTestId("key-sample-distinct")).toHaveText("10");
    const rows = view.getByTestId("key-partition-row");
    await expect(rows).toHaveCount(3);
    for (const partition of [0, 1, 2]) {
      const row = view.locator(`[data-testid="key-partition-row"][data-partition="${partition}"]`);
      await expect(row.getByTestId("key-partition-messages")).toHaveText(String(produced.get(partition) ?? 0));
    }
    await expect(view.getByText(/most recent records/)).toBeVisible();

    // (2) Add partitions: the sentence counts the topic's real keys that 3 → 6 moves.
    const expected = countMovedKeys(KEYS, 3, 6);
    await page.getByRole("button", { name: "Add partitions" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("New partition count").fill("6");
    await expect(dialog.getByTestId("moved-keys-sentence")).toHaveText(
      `${expected.moved} of 10 keys in a recent sample would move to another partition.`,
    );
    if (expected.moved > 0) await expect(dialog.getByRole("list", { name: "Keys that would move" })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
