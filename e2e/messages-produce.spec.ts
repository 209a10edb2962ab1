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

test("produces a JSON message twice through the form, finds it in Browse and replays it to another topic", async ({
  page,
}) => {
  const topic = uniqueName("e2e-produce");
  const copies = `${topic}-copies`;
  await withOutsideAdmin((admin) =>
    admin.createTopics({
      topics: [
        { topic, numPartitions: 3 },
        { topic: copies, numPartitions: 2 },
      ],
      waitForLeaders: true,
    }),
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

    const sent = { key: "sensor-7", value: '{"celsius": 21.5}', headers: { source: "e2e" } };
    expect(await readBack(topic, 1, 2)).toEqual([sent, sent]);

    // "show" opens Browse at partition 1 from offset 0: both messages, nothing else.
    await dialog.getByRole("link", { name: "show" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/[?&]partition=1(&|$)/);
    const rows = page.getByTestId("message-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("sensor-7");

    // Replay the second one, unedited, to partition 0 of the other topic.
    await rows.nth(1).click();
    await page.getByRole("button", { name: "Replay" }).click();
    const replay = page.getByRole("dialog", { name: "Replay partition 1 · offset 1" });
    await replay.getByLabel("To topic").selectOption(copies);
    await replay.getByLabel("Partition").selectOption("0");
    await replay.getByRole("button", { name: "Replay", exact: true }).click();
    await expect(replay.getByText(`Sent 1 message to ${copies}.`)).toBeVisible();
    await expect(replay.getByRole("list", { name: "Where the messages landed" })).toContainText(
      "Partition 0, offset 0",
    );
    expect(await readBack(copies, 0, 1)).toEqual([sent]);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic, copies] }));
  }
});
