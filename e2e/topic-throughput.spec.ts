import { expect, test } from "@playwright/test";
import kafkajs from "kafkajs";
import { clusterIdFor, testBrokers, uniqueName, withOutsideAdmin } from "./fixtures";

/** Produces `perTick` messages every 100 ms until stopped: a steady ~10 × perTick msg/s. */
async function startSteadyProducer(topic: string, perTick: number): Promise<() => Promise<void>> {
  const kafka = new kafkajs.Kafka({
    clientId: "e2e-throughput",
    brokers: testBrokers().split(","),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  let running = true;
  const loop = (async () => {
    for (let tick = 0; running; tick++) {
      const messages = Array.from({ length: perTick }, (_, index) => ({ key: `k${index}`, value: `${tick}` }));
      await producer.send({ topic, messages });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await loop.catch(() => undefined);
    await producer.disconnect();
  };
}

test("shows a topic's current produce rate on the Throughput tab and in the list", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-throughput");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
  );
  const stop = await startSteadyProducer(topic, 2);
  try {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=throughput`);
    await expect(page.getByRole("tab", { name: "Throughput" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("heading", { name: "Messages per partition" })).toBeVisible();

    // The server samples every 5 s and the tab asks every 5 s: a rate needs two samples after the
    // first visit, so allow a few rounds. "0.0 msg/s" would mean the messages were not seen.
    const now = page.getByTestId("produce-rate-now");
    await expect(now).toHaveText(/^(?!0\.0 )[\d.,]+K? msg\/s now$/, { timeout: 30_000 });
    await expect(page.getByRole("img", { name: /Produce rate in messages per second/ })).toBeVisible();

    await page.getByLabel("Time window").selectOption("60");
    await expect(now).toBeVisible();

    // The list's column shows the last minute's mean for the same topic.
    await page.goto(`/clusters/${clusterId}/topics?search=${encodeURIComponent(topic)}`);
    const rate = page.locator(`[data-topic="${topic}"] [data-column="produceRate"]`);
    await expect(rate).toHaveText(/^(?!0\.0 )[\d.,]+K? msg\/s$/, { timeout: 15_000 });
  } finally {
    await stop();
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
