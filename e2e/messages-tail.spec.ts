import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, withOutsideProducer, uniqueName, withOutsideAdmin } from "./fixtures";

async function produce(
  topic: string,
  messages: { partition: number; key: string; value: string }[],
): Promise<string[]> {
  return withOutsideProducer(async (producer) => {
    const offsets: string[] = [];
    // One request per message keeps the offsets of each in order.
    for (const message of messages) {
      const [ack] = await producer.send({ topic, messages: [message] });
      offsets.push(ack!.baseOffset!);
    }
    return offsets;
  });
}

function liveBadge(page: Page) {
  return page.getByRole("region", { name: "Live tail" }).getByText("Live", { exact: true });
}

function rowWithKey(page: Page, key: string) {
  return page
    .getByTestId("message-row")
    .filter({ has: page.getByTestId("message-key").getByText(key, { exact: true }) });
}

test("tails new messages live, pauses and resumes, filters by partition and counts what it does not show", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const topic = uniqueName("e2e-tail");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true }),
  );
  const groupsBefore = await withOutsideAdmin(async (admin) =>
    (await admin.listGroups()).groups.map((group) => group.groupId).sort(),
  );
  try {
    // Written before the tail opens: not shown, the tail starts at the newest offset.
    await produce(topic, [{ partition: 0, key: "before-the-tail", value: "old" }]);
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=tail`);
    await expect(liveBadge(page)).toBeVisible();
    await expect(page.getByText("Waiting for new messages")).toBeVisible();

    // (1) A message produced now appears, with its partition and offset.
    const [offset] = await produce(topic, [{ partition: 1, key: "tail-first", value: '{"hello":"tail"}' }]);
    const first = rowWithKey(page, "tail-first");
    await expect(first).toBeVisible();
    await expect(first.getByTestId("message-offset")).toHaveText(offset!);
    await expect(first.getByRole("cell").first()).toHaveText("1");
    await expect(rowWithKey(page, "before-the-tail")).toHaveCount(0);

    // (2) Paused: arrivals are counted, not shown; resumed: they appear.
    await page.getByRole("button", { name: "Pause" }).click();
    // One partition: across partitions, records fetched together have no order to show them in.
    await produce(topic, [
      { partition: 0, key: "while-paused-1", value: "a" },
      { partition: 0, key: "while-paused-2", value: "b" },
    ]);
    await expect(page.getByTestId("tail-paused-count")).toHaveText("2 new while paused");
    await expect(page.getByTestId("message-row")).toHaveCount(1);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(rowWithKey(page, "while-paused-1")).toBeVisible();
    await expect(rowWithKey(page, "while-paused-2")).toBeVisible();
    await expect(page.getByTestId("tail-paused-count")).toHaveCount(0);
    // Newest on top.
    await expect(page.getByTestId("message-key").first()).toHaveText("while-paused-2");

    // (3) One partition: the choice is in the URL, and other partitions' messages stay out.
    await page.getByLabel("Partition", { exact: true }).selectOption("0");
    await expect(page).toHaveURL(/[?&]partition=0(&|$)/);
    // In this order: the empty list belongs to the new tail, and then so does the badge.
    await expect(page.getByText("Waiting for new messages")).toBeVisible();
    await expect(liveBadge(page)).toBeVisible();
    await produce(topic, [
      { partition: 1, key: "other-partition", value: "x" },
      { partition: 0, key: "chosen-partition", value: "y" },
    ]);
    await expect(rowWithKey(page, "chosen-partition")).toBeVisible();
    await expect(rowWithKey(page, "other-partition")).toHaveCount(0);

    // (4) More than the screen holds: the newest 500 stay and the rest is counted, not lost.
    await page.getByRole("button", { name: "Clear" }).click();
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: Array.from({ length: 600 }, (_, index) => ({ partition: 0, key: `bulk-${index}`, value: "z" })),
      }),
    );
    await expect(page.getByTestId("tail-row-count")).toHaveText("500 on screen");
    await expect(page.getByTestId("tail-not-shown")).toHaveText("100 not shown");
    await expect(page.getByTestId("message-key").first()).toHaveText("bulk-599");

    // (5) Starting with the last 20: the newest 20 of the partition, before any new one.
    await page.getByLabel("Start with").selectOption("20");
    await expect(page).toHaveURL(/[?&]last=20(&|$)/);
    await expect(page.getByTestId("tail-row-count")).toHaveText("20 on screen");
    await expect(page.getByTestId("message-key").first()).toHaveText("bulk-599");
    await expect(page.getByTestId("tail-not-shown")).toHaveCount(0);

    // (6) Tailing joined no consumer group.
    const groupsAfter = await withOutsideAdmin(async (admin) =>
      (await admin.listGroups()).groups.map((group) => group.groupId).sort(),
    );
    expect(groupsAfter).toEqual(groupsBefore);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
