import { expect, test } from "@playwright/test";
import { clusterIdFor, withOutsideProducer, uniqueName, withOutsideAdmin } from "./fixtures";

/** Produces one keyed message the way a Java client would place it, and says where it landed. */
async function produceKeyed(topic: string, key: string): Promise<number> {
  return withOutsideProducer(async (producer) => {
    const [result] = await producer.send({ topic, messages: [{ key, value: "42" }] });
    if (!result) throw new Error("The produce request returned no result.");
    return result.partition;
  });
}

test("shows a topic's partitions and configs, adds partitions, maps keys and deletes it", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-detail");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
  );
  try {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);

    // (1) Partitions: three rows, each with a leader that is in its ISR.
    const rows = page.getByTestId("partition-row");
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all()) {
      const leader = (await row.locator("td").nth(1).innerText()).trim();
      expect(leader).toMatch(/^\d+$/);
      await expect(row.locator("td").nth(3)).toContainText(leader);
    }

    // (2) Configs: set retention.ms to 2 h, see it as a topic override, reset it to the default.
    await page.getByRole("tab", { name: "Configs" }).click();
    await expect(page).toHaveURL(/[?&]tab=configs/);
    await page.getByLabel("Show all").check();
    const retention = page.locator('[data-config="retention.ms"]');
    await retention.getByRole("button", { name: "Edit retention.ms" }).click();
    const valueInput = page.getByLabel("New value for retention.ms");
    await valueInput.fill("2 hours");
    await expect(page.getByText("retention.ms must be")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
    await valueInput.fill("7200000");
    await expect(page.getByText("Means 2 h.")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(retention.getByTestId("config-value")).toContainText("7200000");
    await expect(retention.getByTestId("config-value")).toContainText("2 h");
    await expect(retention.getByTestId("config-source")).toHaveText("set on this topic");
    await retention.getByRole("button", { name: "Reset retention.ms to default" }).click();
    await expect(retention.getByTestId("config-source")).toHaveText("default");
    await expect(retention.getByTestId("config-value")).toContainText("604800000");

    // (3) Add partitions 3 → 5; 2 is refused in the form and never sent.
    const addRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("topics.addPartitions")) addRequests.push(request.url());
    });
    await page.getByRole("button", { name: "Add partitions" }).click();
    const dialog = page.getByRole("dialog");
    const count = dialog.getByLabel("New partition count");
    await count.fill("2");
    await expect(dialog).toContainText("can be added but never removed");
    await expect(dialog.getByRole("button", { name: /^Add/ })).toBeDisabled();
    await count.press("Enter");
    await expect(dialog).toBeVisible();
    expect(addRequests).toHaveLength(0);
    await count.fill("5");
    await expect(dialog).toContainText("Keyed messages will go to different partitions");
    await dialog.getByRole("button", { name: "Add 2 partitions" }).click();
    await expect(dialog).toBeHidden();
    expect(addRequests).toHaveLength(1);
    await page.getByRole("tab", { name: "Partitions", exact: true }).click();
    await expect(rows).toHaveCount(5);
    // Partitions another tool adds appear without a reload (the page refreshes every 2 s).
    await withOutsideAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic, count: 6 }] }));
    await expect(rows).toHaveCount(6, { timeout: 6_000 });

    // (4) The calculator agrees with where Kafka's default partitioner puts the key.
    await page.getByRole("tab", { name: "Keys → partitions" }).click();
    await page.getByLabel("Message key").fill("server-1-cpu");
    const shown = Number(await page.getByTestId("key-partition").innerText());
    expect(await produceKeyed(topic, "server-1-cpu")).toBe(shown);
    await expect(page.getByText(`goes to partition ${shown} and stays in order there`)).toBeVisible();

    // (5) Delete with typed confirmation (the Danger zone ends the Configs tab), then land on the topic list.
    await page.getByRole("tab", { name: "Configs" }).click();
    const deleteButton = page.getByRole("button", { name: "Delete topic" });
    await expect(deleteButton).toBeDisabled();
    const confirmation = page.getByLabel(`Type ${topic} to confirm`);
    await confirmation.fill(topic.slice(0, -1));
    await expect(deleteButton).toBeDisabled();
    await confirmation.fill(topic);
    await deleteButton.click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/topics$`));
    const remaining = await withOutsideAdmin((admin) => admin.listTopics());
    expect(remaining).not.toContain(topic);
  } finally {
    await withOutsideAdmin(async (admin) => {
      if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
    });
  }
});
