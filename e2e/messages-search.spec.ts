import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, withOutsideProducer, uniqueName, withOutsideAdmin } from "./fixtures";

const TOTAL = 100_000;
const BATCH = 5_000;
const PLANTED = { partition: 1, offset: 27_183 };

/** 100,000 JSON messages over two partitions, in batches of 5,000; one carries the needle. */
async function produceHaystack(topic: string, needle: string): Promise<void> {
  return withOutsideProducer(async (producer) => {
    for (let batch = 0; batch < TOTAL / BATCH; batch += 1) {
      const partition = batch % 2;
      const first = Math.floor(batch / 2) * BATCH;
      await producer.send({
        topic,
        messages: Array.from({ length: BATCH }, (_, index) => {
          const offset = first + index;
          const isPlanted = partition === PLANTED.partition && offset === PLANTED.offset;
          return {
            partition,
            key: `device-${offset % 40}`,
            value: JSON.stringify({ offset, status: isPlanted ? needle : "ok" }),
          };
        }),
      });
    }
  });
}

const groupIds = () =>
  withOutsideAdmin(async (admin) => (await admin.listGroups()).groups.map((group) => group.groupId).sort());

async function startSearch(page: Page, kind: "Text" | "JSONata", query: string): Promise<void> {
  const form = page.getByRole("region", { name: "Search messages" });
  await form.getByLabel("Search by").selectOption({ label: kind });
  await form.getByLabel(kind === "Text" ? "Text" : "JSONata predicate").fill(query);
  await form.getByRole("button", { name: "Start search" }).click();
}

test("finds a planted message among 100,000 by text and by JSONata, cancels, and restores the form from the URL", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const topic = uniqueName("e2e-search");
  const needle = uniqueName("planted");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true }),
  );
  try {
    await produceHaystack(topic, needle);
    const groupsBefore = await groupIds();
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=search`);
    const view = page.getByRole("region", { name: "Search messages" });
    const status = view.getByTestId("search-status");
    const results = view.getByRole("table", { name: `Search results in ${topic}` });

    // (1) Plain text, case-insensitive.
    await startSearch(page, "Text", needle.toUpperCase());
    await expect(status).toHaveText(/^Complete: scanned 100,000 messages in [\d.]+ s and found 1 match\.$/, {
      timeout: 60_000,
    });
    await expect(results.getByTestId("message-row")).toHaveCount(1);
    await expect(results.getByTestId("message-offset")).toHaveText(String(PLANTED.offset));

    // (2) JSONata, validated as it is typed.
    const predicate = view.getByLabel("JSONata predicate");
    await view.getByLabel("Search by").selectOption({ label: "JSONata" });
    await predicate.fill("value.status = (");
    await expect(view.getByText(/^The expression has a syntax error at character \d+/)).toBeVisible();
    await expect(view.getByRole("button", { name: "Start search" })).toBeDisabled();
    await startSearch(page, "JSONata", `value.status = "${needle}" and partition = ${PLANTED.partition}`);
    await expect(status).toHaveText(/^Complete: scanned 100,000 messages .* found 1 match\.$/, { timeout: 60_000 });
    await expect(results.getByTestId("message-offset")).toHaveText(String(PLANTED.offset));

    // (3) A filter only jsonata itself can evaluate is slow enough to cancel with Esc.
    await startSearch(page, "JSONata", '$substring(value.status, 0, 7) = "nowhere"');
    await expect(view.getByRole("button", { name: "Cancel (Esc)" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(status).toHaveText(/^Partial: cancelled/);
    await expect(view.getByRole("button", { name: "Start search" })).toBeEnabled();

    // (4) The URL holds the form: a reload shows the same search.
    await page.reload();
    await expect(page.getByRole("region", { name: "Search messages" }).getByLabel("Search by")).toHaveValue("jsonata");
    await expect(page.getByLabel("JSONata predicate")).toHaveValue('$substring(value.status, 0, 7) = "nowhere"');

    // (5) Searching read without a consumer group.
    expect(await groupIds()).toEqual(groupsBefore);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test("shows hostile matches as text and says plainly when a filter breaks its depth budget", async ({ page }) => {
  const topic = uniqueName("e2e-search-hostile");
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }),
  );
  try {
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: [
          {
            key: "a",
            value: "hostile <img src=x onerror=window.__x=1>",
            headers: { "x-ctl": "hostile\u0000\u001b[31m" },
          },
          { key: "b", value: '{"__proto__":{"polluted":1},"tag":"hostile"}' },
          { key: "c", value: `${"[".repeat(10_000)}"hostile"${"]".repeat(10_000)}` },
        ],
      }),
    );
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?tab=messages&mode=search`);
    const view = page.getByRole("region", { name: "Search messages" });

    await startSearch(page, "Text", "hostile");
    await expect(view.getByTestId("search-status")).toHaveText(/^Complete: scanned 3 messages .* found 3 matches\.$/);
    await expect(view.getByTestId("message-row")).toHaveCount(3);
    await expect(view.getByTestId("message-value").first()).toContainText("<img src=x onerror=window.__x=1>");

    // A filter that walks the 10,000-deep value stops with the offset and the budget, not a crash.
    await startSearch(page, "JSONata", '"hostile" in value.**');
    await expect(view.getByTestId("search-status")).toHaveText(
      /^Partial: The message at offset 2 of partition 0 nests deeper than the budget of 200 levels/,
    );

    expect(await page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
