import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, withOutsideProducer, uniqueName, withOutsideAdmin } from "./fixtures";

/** Record i of partition 1 has key k-i and timestamp T0 + i seconds. */
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const COUNT = 50;

async function produceFixture(topic: string): Promise<void> {
  return withOutsideProducer(async (producer) => {
    await producer.send({
      topic,
      messages: Array.from({ length: COUNT }, (_, index) => ({
        partition: 1,
        key: `k-${index}`,
        value: JSON.stringify({ index }),
        timestamp: String(T0 + index * 1000),
      })),
    });
    await producer.send({ topic, messages: [{ partition: 0, key: "other-partition", value: "x" }] });
  });
}

function shownOffsets(page: Page) {
  return page.getByTestId("message-offset");
}

function range(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(from + index));
}

/** A datetime-local value in the browser's (and this machine's) time zone. */
function localInput(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.000`;
}

test("browses a partition from an offset and from a timestamp, pages, and keeps the page in the URL", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-browse");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true }),
  );
  const groupsBefore = await withOutsideAdmin(async (admin) =>
    (await admin.listGroups()).groups.map((group) => group.groupId).sort(),
  );
  try {
    await produceFixture(topic);
    const clusterId = await clusterIdFor(page);
    const base = `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=browse`;

    // (1) From an offset in a shared link: exactly offsets 20–24 of partition 1.
    await page.goto(`${base}&partition=1&start=offset&offset=20&limit=20`);
    await expect(shownOffsets(page)).toHaveText(range(20, 20));
    await expect(page.getByTestId("message-key").first()).toHaveText("k-20");

    // (2) Page forward and back; the page survives a reload.
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(shownOffsets(page)).toHaveText(range(40, 10));
    await expect(page).toHaveURL(/cursor=/);
    await page.reload();
    await expect(shownOffsets(page)).toHaveText(range(40, 10));
    await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(shownOffsets(page)).toHaveText(range(20, 20));

    // (3) From a timestamp typed into the toolbar: the first record at or after it is offset 33.
    await page.getByLabel("Start").selectOption("timestamp");
    await page.getByLabel("Time (local)").fill(localInput(T0 + 33_000));
    await page.getByRole("button", { name: "Go" }).click();
    await expect(shownOffsets(page)).toHaveText(range(33, 17));
    await expect(page).toHaveURL(/start=time/);

    // (4) From an offset typed into the toolbar, newest first: the records before it.
    await page.getByLabel("Start").selectOption("offset");
    await page.getByLabel("Offset", { exact: true }).fill("10");
    await page.getByLabel("Offset", { exact: true }).press("Enter");
    await expect(shownOffsets(page)).toHaveText(range(10, 20));
    await page.getByLabel("Order").selectOption("newest-first");
    await expect(shownOffsets(page)).toHaveText(range(0, 10).reverse());

    // (5) Past the end: a sentence, not a blank table.
    await page.goto(`${base}&partition=1&start=offset&offset=500`);
    await expect(
      page.getByText("No messages at or after offset 500 in partition 1 — the partition ends at 50."),
    ).toBeVisible();

    // (6) A message opens in full with its key, value and headers.
    await page.goto(`${base}&partition=1&start=earliest&limit=20`);
    await page.getByTestId("message-row").first().press("Enter");
    const detail = page.getByRole("dialog");
    await expect(detail).toContainText("Partition 1 · offset 0");
    await expect(detail.getByTestId("payload-value")).toContainText("index");

    const groupsAfter = await withOutsideAdmin(async (admin) =>
      (await admin.listGroups()).groups.map((group) => group.groupId).sort(),
    );
    expect(groupsAfter).toEqual(groupsBefore);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
