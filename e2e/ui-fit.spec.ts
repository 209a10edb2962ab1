import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

/** Whether the topic table scrolls inside its box (its last columns cut off) at the current size. */
async function tableOverflow(page: Page) {
  return page.getByRole("table").evaluate((table) => {
    const box = table.parentElement!;
    return { scroll: box.scrollWidth, visible: box.clientWidth, page: document.documentElement.scrollWidth };
  });
}

test("the topic list uses the page's width: no column cut off at 1440 and 1280 px", async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName("e2e-a-rather-long-topic-name-for-the-width-check");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    const clusterId = await clusterIdFor(page);
    for (const [width, height] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/clusters/${clusterId}/topics?q=${encodeURIComponent(topic)}`);
      await expect(page.getByTestId("topic-row")).toHaveCount(1);
      await page.screenshot({ path: test.info().outputPath(`topic-list-${width}.png`) });
      const overflow = await tableOverflow(page);
      expect(overflow.scroll, `table at ${width} px`).toBeLessThanOrEqual(overflow.visible);
    }
    // Narrow: the table may scroll inside its card, but the page itself must not scroll sideways.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`/clusters/${clusterId}/topics?q=${encodeURIComponent(topic)}`);
    await expect(page.getByTestId("topic-row")).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath("topic-list-768.png") });
    expect((await tableOverflow(page)).page).toBeLessThanOrEqual(768);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test("select boxes are never narrower than their longest option", async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName("e2e-selects");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${topic}?tab=messages`);
    await expect(page.getByTestId("decoder-select")).toBeVisible({ timeout: 30_000 });
    // The same select laid out at its natural width (width: auto) is what fits every label.
    const cut = await page.locator("select").evaluateAll((selects) =>
      selects
        .map((select) => {
          const natural = select.cloneNode(true) as HTMLSelectElement;
          natural.style.width = "auto";
          natural.style.minWidth = "0";
          select.parentElement!.appendChild(natural);
          const needed = natural.getBoundingClientRect().width;
          natural.remove();
          const label = select.getAttribute("aria-label") ?? select.id;
          return { label, width: select.getBoundingClientRect().width, needed };
        })
        .filter((select) => select.width + 0.5 < select.needed),
    );
    expect(cut).toEqual([]);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test("the message detail's JSON tree shows a 64-bit id digit for digit", async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName("e2e-int64");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    await withOutsideProducer((producer) =>
      producer.send({ topic, messages: [{ key: "order-1", value: '{"id": 9007199254740993, "price": 1.10}' }] }),
    );
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/topics/${topic}?tab=messages&start=earliest`);
    await page.getByTestId("message-row").first().press("Enter");
    const tree = page.getByRole("dialog").getByTestId("json-tree");
    await expect(tree).toContainText("id: 9007199254740993");
    await expect(tree).toContainText("price: 1.10");
    // The key is plain text: Auto shows it as text, without a warning.
    await expect(page.getByRole("dialog").getByTestId("payload-key")).toContainText("order-1");
    await expect(page.getByRole("dialog").getByText(/not valid JSON/)).toHaveCount(0);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
