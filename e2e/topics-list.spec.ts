import { expect, test, type Page } from "@playwright/test";
import { testBrokers, uniqueName, withOutsideAdmin } from "./fixtures";

/** Opens the topic list from the home page's link, as a user would. */
async function openTopicList(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Topics" }).first().click();
  await expect(page).toHaveURL(/\/clusters\/[^/]+\/topics$/);
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
}

async function search(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search topics by name" }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
}

function row(page: Page, topic: string) {
  return page.locator(`[data-testid=topic-row][data-topic="${topic}"]`);
}

async function deleteTopics(topics: string[]) {
  await withOutsideAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length > 0) await admin.deleteTopics({ topics: present });
  });
}

test("creates a topic through the form and lists it with its partitions and retention", async ({ page }) => {
  const topic = uniqueName("e2e-create");
  try {
    await openTopicList(page);
    await page.getByRole("button", { name: "Create topic" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create topic" });
    await dialog.getByLabel("Partitions").fill("6");
    await dialog.getByLabel("Retention time amount").fill("2");
    await dialog.getByLabel("Retention time unit").selectOption("h");
    await dialog.getByLabel("Name", { exact: true }).fill(topic);
    // Enter in a field submits the form.
    await dialog.getByLabel("Name", { exact: true }).press("Enter");

    await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`), { timeout: 15_000 });
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    await search(page, topic);
    await expect(row(page, topic)).toHaveCount(1);
    await expect(row(page, topic).locator("[data-column=partitions]")).toHaveText("6");
    await expect(row(page, topic).locator("[data-column=retentionMs]")).toHaveText("2 h");
  } finally {
    await deleteTopics([topic]);
  }
});

test("shows a topic created by another tool within about 2 s, without a reload", async ({ page }) => {
  const topic = uniqueName("e2e-outside");
  await openTopicList(page);
  await search(page, topic);
  await expect(page.getByText(`No topics match '${topic}'`)).toBeVisible();
  try {
    await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic, numPartitions: 2 }] }));
    await expect(row(page, topic)).toBeVisible({ timeout: 3_000 });
    await expect(row(page, topic).locator("[data-column=partitions]")).toHaveText("2");
  } finally {
    await deleteTopics([topic]);
  }
});

test("refuses a replication factor larger than the broker count before sending anything", async ({ page }) => {
  const brokerCount = testBrokers().split(",").length;
  const createCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("topic.create")) createCalls.push(request.url());
  });
  await openTopicList(page);
  await page.getByRole("button", { name: "Create topic" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create topic" });
  await expect(dialog.getByText(/This cluster has \d+ live brokers?\./)).toBeVisible();
  await dialog.getByLabel("Name", { exact: true }).fill(uniqueName("e2e-refused"));
  await dialog.getByLabel("Replication factor").fill("99");
  const sentence = `Replication factor 99 is larger than the ${brokerCount} broker${brokerCount === 1 ? "" : "s"} in this cluster.`;
  await expect(dialog.getByText(sentence)).toBeVisible();
  await expect(dialog.getByLabel("Replication factor")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByRole("button", { name: "Create topic" }).click();
  await page.waitForTimeout(500);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(sentence)).toBeVisible();
  expect(createCalls).toEqual([]);
});

test("sorts by partitions, most first, and keeps the sort in the URL", async ({ page }) => {
  const prefix = uniqueName("e2e-sort");
  const few = `${prefix}-a`;
  const many = `${prefix}-b`;
  await withOutsideAdmin((admin) =>
    admin.createTopics({
      topics: [
        { topic: few, numPartitions: 2 },
        { topic: many, numPartitions: 9 },
      ],
    }),
  );
  try {
    await openTopicList(page);
    await search(page, prefix);
    const rows = page.getByTestId("topic-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute("data-topic", few);

    await page.getByRole("button", { name: "Partitions" }).click();
    await expect(page).toHaveURL(/[?&]sort=partitions/);
    await expect(page.getByRole("columnheader", { name: "Partitions" })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).toHaveAttribute("data-topic", many);
    await expect(rows.first().locator("[data-column=partitions]")).toHaveText("9");

    // The URL alone restores the view.
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Partitions" })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).toHaveAttribute("data-topic", many);

    await page.getByRole("button", { name: "Partitions" }).press("Enter");
    await expect(page.getByRole("columnheader", { name: "Partitions" })).toHaveAttribute("aria-sort", "ascending");
    await expect(rows.first()).toHaveAttribute("data-topic", few);
  } finally {
    await deleteTopics([few, many]);
  }
});
