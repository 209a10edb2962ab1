import { expect, test } from "@playwright/test";
import kafkajs from "kafkajs";
import { clusterIdFor, testBrokers, uniqueName, withOutsideAdmin } from "./fixtures";

/** Every record of one partition, read by a throwaway consumer outside Tributary. */
async function readBack(topic: string, partition: number, count: number) {
  const kafka = new kafkajs.Kafka({
    clientId: "e2e-reader",
    brokers: testBrokers().split(","),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const groupId = uniqueName("e2e-produce-check");
  const consumer = kafka.consumer({ groupId });
  const records: { key: string | null; value: string | null; headers: Record<string, string> }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ partition: from, message }) => {
          if (from !== partition) return;
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
          records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
          if (records.length === count) resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
    await withOutsideAdmin((admin) => admin.deleteGroups([groupId]));
  }
  return records;
}

test("produces a JSON message twice through the form and reports where it landed", async ({ page }) => {
  const topic = uniqueName("e2e-produce");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
  );
  try {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages`);
    await page.getByRole("button", { name: "Produce" }).click();
    const dialog = page.getByRole("dialog", { name: `Produce to ${topic}` });

    await dialog.getByRole("textbox", { name: "Key" }).fill("sensor-7");
    const value = dialog.getByRole("textbox", { name: "Value" });
    // The JSON editor says what is wrong before anything is sent.
    await value.fill('{"celsius": 21.5,}');
    await expect(dialog.getByText(/^Not valid JSON: .*position 17/)).toBeVisible();
    await expect(value).toHaveAttribute("aria-invalid", "true");
    await value.fill('{"celsius": 21.5}');
    await expect(value).not.toHaveAttribute("aria-invalid", "true");

    await dialog.getByRole("button", { name: "Add header" }).click();
    await dialog.getByLabel("Header 1 name").fill("source");
    await dialog.getByLabel("Header 1 value").fill("e2e");
    await dialog.getByLabel("Partition").selectOption("1");
    await dialog.getByLabel("Repeat").fill("2");
    await dialog.getByRole("button", { name: "Produce", exact: true }).click();

    await expect(dialog.getByText(`Sent 2 messages to ${topic}.`)).toBeVisible();
    await expect(dialog.getByRole("list", { name: "Where the messages landed" })).toContainText(
      "Partition 1, offsets 0–1",
    );

    const records = await readBack(topic, 1, 2);
    expect(records).toEqual([
      { key: "sensor-7", value: '{"celsius": 21.5}', headers: { source: "e2e" } },
      { key: "sensor-7", value: '{"celsius": 21.5}', headers: { source: "e2e" } },
    ]);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
