import { expect, test, type Page } from "@playwright/test";
import { startKafka, stopKafkaFromState } from "../apps/kafka-local/src/cluster";
import { testBrokers, testKafkaDir, uniqueName, withOutsideAdmin } from "./fixtures";

function stat(page: Page, label: string) {
  return page
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd")
    .first();
}

async function readNumber(page: Page, label: string): Promise<number> {
  return Number((await stat(page, label).innerText()).replace(/,/g, ""));
}

test("shows the cluster's brokers and controller", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const [firstBroker] = testBrokers().split(",");
  const rows = page.getByTestId("broker-row");
  await expect(rows).toHaveCount(testBrokers().split(",").length);
  await expect(rows.first()).toContainText(firstBroker!);
  await expect(rows.first()).toContainText("controller");
  await expect(stat(page, "Controller")).toHaveText(/^broker \d+$/);
});

test("counts a topic created by another tool within seconds, without a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const topicsBefore = await readNumber(page, "Topics");
  const partitionsBefore = await readNumber(page, "Partitions");
  const topic = uniqueName("e2e-overview");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }));
  try {
    await expect(stat(page, "Topics")).toHaveText(String(topicsBefore + 1), { timeout: 3_000 });
    await expect(stat(page, "Partitions")).toHaveText(String(partitionsBefore + 3), { timeout: 3_000 });
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
  await expect(stat(page, "Topics")).toHaveText(String(topicsBefore), { timeout: 3_000 });
});

test("switches between light and dark mode from the keyboard", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: /switch to (dark|light) mode/i });
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
});

// It stops the shared broker and starts it again — detached, so that the broker outlives this
// Playwright worker (a failing test restarts the worker; the specs after it still need Kafka).
// `npm test` stops it through the state file at the end.
test("says Kafka is unreachable while the broker is down and recovers without a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const [bootstrap] = testBrokers().split(",");

  await stopKafkaFromState(testKafkaDir());
  const banner = page.getByRole("main").getByRole("alert");
  await expect(banner).toContainText(`Kafka is unreachable at ${testBrokers()} — retrying`, { timeout: 10_000 });
  await expect(page.getByText("unreachable", { exact: true })).toBeVisible();

  await startKafka({ dataDir: testKafkaDir(), basePort: Number(bootstrap!.split(":")[1]), detached: true });
  await expect(page.getByText("live", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("broker-row").first()).toContainText(bootstrap!);
});
