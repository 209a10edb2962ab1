import { expect, test } from "@playwright/test";
import { clusterIdFor, signedInAs, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";
import { startTestPostgres, stopTestPostgres, testPostgresDir } from "./test-postgres";

/**
 * PostgreSQL goes away for 30 s under a signed-in browser and comes back. The Kafka pages keep
 * answering from the cached cluster registry, a change is refused with a sentence (its audit row
 * cannot be written), the pages that read PostgreSQL say it is unreachable, and everything
 * recovers by itself. The specs run one at a time (playwright.config.ts), so this outage is the
 * only thing happening; afterEach starts the database again whatever the test did.
 */
const OUTAGE_MS = 30_000;
const postgresDir = testPostgresDir();
let isStopped = false;

test.use(signedInAs("admin"));

test.afterEach(async () => {
  if (postgresDir && isStopped) await startTestPostgres(postgresDir);
  isStopped = false;
});

/** host:port of the app's database, as the refusal sentence names it. */
function databaseAddress(): string {
  const url = new URL(process.env.DATABASE_URL ?? "");
  return `${url.hostname}:${url.port}`;
}

test("keeps Kafka pages live while PostgreSQL is away for 30 s, refuses a produce with a sentence, and recovers without a reload", async ({
  page,
  context,
}) => {
  test.skip(
    !postgresDir,
    "This run's PostgreSQL is the server of DATABASE_URL, which others may share; only a PostgreSQL of the run's own is stopped.",
  );
  test.setTimeout(180_000);
  const topic = uniqueName("e2e-outage");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }));
  try {
    await withOutsideProducer((producer) =>
      producer.send({ topic, messages: [{ value: "before-1" }, { value: "before-2" }] }),
    );
    // While PostgreSQL is away a signed-in browser is known by the signed session copy in its
    // cookies, which lives 5 minutes (SESSION_CACHE_SECONDS). Start with a fresh one, as a user
    // who has just been using Tributary holds: the server sets it on the next call.
    await context.clearCookies({ name: /session_data$/ });
    const clusterId = await clusterIdFor(page);
    await expect
      .poll(async () => (await context.cookies()).some((cookie) => /session_data$/.test(cookie.name)))
      .toBe(true);

    await page.goto(`/clusters/${clusterId}/topics/${encodeURIComponent(topic)}`);
    const highWatermark = page.getByTestId("partition-high-watermark");
    await expect(highWatermark).toHaveText("2");

    await stopTestPostgres(postgresDir!);
    isStopped = true;
    const outageStarted = Date.now();

    // Live data keeps coming: a record written by another application shows in the open page.
    await withOutsideProducer((producer) => producer.send({ topic, messages: [{ value: "during" }] }));
    await expect(highWatermark).toHaveText("3");

    // Another Kafka page opens, and back again, through the app's own links.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Topics" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search topics by name" }).fill(topic);
    // The search lands in the URL a moment after typing; a click before that would be undone by it.
    await expect(page).toHaveURL(/[?&]q=/);
    const row = page.locator(`[data-testid=topic-row][data-topic="${topic}"]`);
    await expect(row).toBeVisible();
    await row.getByRole("link", { name: topic }).click();
    await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
    await expect(highWatermark).toHaveText("3");

    // Message data is shown only to someone the audit log can name; the page says why not.
    await page.getByRole("tab", { name: "Messages" }).click();
    const readRefusal = page.getByRole("alert").filter({
      hasText: `Tributary could not write the audit record, so the messages were not read: the database at ${databaseAddress()} is unreachable.`,
    });
    await expect(readRefusal).toBeVisible();

    // A change is refused with a sentence naming the unreachable database, before Kafka hears of it.
    await page.getByRole("button", { name: "Produce" }).click();
    const dialog = page.getByRole("dialog", { name: `Produce to ${topic}` });
    await dialog.getByRole("textbox", { name: "Value" }).fill('{"reading": 21.5}');
    const produce = dialog.getByRole("button", { name: "Produce", exact: true });
    await produce.click();
    await expect(dialog.getByRole("alert")).toContainText(
      `Tributary could not write the audit record, so the change was not made: the database at ${databaseAddress()} is unreachable.`,
    );

    // A page that lives in PostgreSQL says so; the account is still signed in.
    const auditPage = await context.newPage();
    await auditPage.goto("/admin/audit");
    const auditBanner = auditPage.getByRole("main").getByRole("alert");
    await expect(auditBanner).toContainText("Tributary's database (PostgreSQL) is unreachable.");
    await expect(auditPage.getByTestId("signed-in-user")).toHaveText(/E2E admin\s*· admin/);

    // The outage lasts 30 s (the requirement), then PostgreSQL starts again on the same port and data.
    await page.waitForTimeout(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
    await startTestPostgres(postgresDir!);
    isStopped = false;

    // Without a reload: the audit page and the messages clear their sentences, the produce succeeds.
    await expect(auditBanner).toHaveCount(0, { timeout: 20_000 });
    await expect(auditPage.getByTestId("audit-retention")).toBeVisible();
    await produce.click();
    await expect(dialog.getByText(`Sent 1 message to ${topic}.`)).toBeVisible();
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(readRefusal).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId("message-value").first()).toBeVisible();

    // Only the change made after the outage is in the audit log.
    await auditPage.reload();
    const produceRows = auditPage.getByTestId("audit-row").filter({ hasText: topic }).filter({ hasText: "messages.produce" });
    await expect(produceRows).toHaveCount(1);
    await expect(produceRows).toContainText("E2E admin");
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
