import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, startOutsideMember, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

const PARTITIONS = 3;
const PER_PARTITION = 10;
/**
 * Record i of every partition is stamped BASE_TS + i seconds, so a time maps to a known offset.
 * An hour ago: records older than the broker's retention (7 days) would be deleted under the test.
 */
const BASE_TS = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

async function createTopicWithRecords(topic: string): Promise<void> {
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true }),
  );
  await withOutsideProducer(async (producer) => {
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
      const messages = Array.from({ length: PER_PARTITION }, (_, i) => ({
        partition,
        value: `record ${i}`,
        timestamp: String(BASE_TS + i * 1000),
      }));
      await producer.send({ topic, messages });
    }
  });
}

/** The group's committed offsets as Kafka reports them, partition by partition. */
function committed(groupId: string, topic: string): Promise<string[]> {
  return withOutsideAdmin(async (admin) => {
    const [found] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (found?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  });
}

async function commitAll(groupId: string, topic: string, offset: string): Promise<void> {
  const partitions = Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, offset }));
  await withOutsideAdmin((admin) => admin.setOffsets({ groupId, topic, partitions }));
}

async function cleanUp(topic: string, groupId: string): Promise<void> {
  await withOutsideAdmin(async (admin) => {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  });
}

async function openGroup(page: Page, groupId: string): Promise<void> {
  const clusterId = await clusterIdFor(page);
  await page.goto(`/clusters/${clusterId}/groups/${encodeURIComponent(groupId)}`);
}

test("resets a stopped group to a time and to an explicit offset, with a preview, through the dialog", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-offsets");
  const groupId = uniqueName("e2e-offsets-group");
  await createTopicWithRecords(topic);
  try {
    await commitAll(groupId, topic, "8");
    await openGroup(page, groupId);

    // (1) To a time: record 5 of each partition is the first at or after BASE_TS + 5 s.
    await page.getByRole("button", { name: "Reset offsets" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Topic").fill(topic);
    await dialog.getByLabel("Reset to").selectOption("timestamp");
    await dialog.getByLabel("Time", { exact: true }).fill(new Date(BASE_TS + 5_000).toISOString());
    const rows = dialog.locator("tbody tr");
    await expect(rows).toHaveCount(PARTITIONS);
    for (const row of await rows.all()) {
      await expect(row.locator("td").nth(2)).toHaveText("8");
      await expect(row.getByTestId("after")).toHaveText("5");
    }
    await dialog.getByRole("button", { name: "Reset offsets" }).click();
    await expect(dialog.getByRole("heading", { name: "Committed offsets now" })).toBeVisible();
    await expect(rows.getByTestId("after")).toHaveText(["5", "5", "5"]);
    expect(await committed(groupId, topic)).toEqual(["5", "5", "5"]);
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();

    // (2) Partition 1 only, to offset 2; an offset past the log end is clamped in the preview first.
    await page.getByRole("button", { name: "Reset offsets" }).click();
    await dialog.getByLabel("Topic").fill(topic);
    await dialog.getByLabel("Chosen partitions", { exact: true }).check();
    await dialog.getByRole("textbox", { name: "Chosen partitions" }).fill("1");
    await dialog.getByLabel("Reset to").selectOption("offset");
    const offset = dialog.getByLabel("Offset", { exact: true });
    await offset.fill("99");
    await expect(dialog.getByText("Past the log-end offset 10; moved down to it.")).toBeVisible();
    await offset.fill("2");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator("td").nth(2)).toHaveText("5");
    await expect(rows.first().getByTestId("after")).toHaveText("2");
    await dialog.getByRole("button", { name: "Reset offsets" }).click();
    await expect(dialog.getByRole("heading", { name: "Committed offsets now" })).toBeVisible();
    expect(await committed(groupId, topic)).toEqual(["5", "2", "5"]);
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();

    // (3) Delete the stopped group: only once its id is typed, then the group list opens.
    await page.getByRole("button", { name: "Delete group" }).click();
    const confirm = dialog.getByRole("button", { name: "Delete group" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${groupId} to confirm`).fill(groupId);
    await confirm.click();
    await expect(page).toHaveURL(/\/groups$/);
    const groups = await withOutsideAdmin((admin) => admin.listGroups());
    expect(groups.groups.map((group) => group.groupId)).not.toContain(groupId);
  } finally {
    await cleanUp(topic, groupId);
  }
});

test("refuses to reset a group with an active member, and says so", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-offsets-active");
  const groupId = uniqueName("e2e-offsets-active-group");
  await createTopicWithRecords(topic);
  const consumer = await startOutsideMember(groupId, topic);
  try {
    await openGroup(page, groupId);
    await expect(page.getByText("The group has 1 active member; stop them first.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset offsets" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Delete group" })).toBeDisabled();
  } finally {
    await consumer.disconnect();
    await cleanUp(topic, groupId);
  }
});
