import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, uniqueName, withOutsideAdmin } from "./fixtures";
import { e2eAccount } from "./paths";

/** The audit page needs the admin role; specs run signed in as the e2e admin (playwright.config.ts). */
const ACTOR_NAME = e2eAccount("admin").name;

async function createTopicThroughTheForm(page: Page, topic: string): Promise<void> {
  const clusterId = await clusterIdFor(page);
  await page.goto(`/clusters/${clusterId}/topics`);
  await page.getByRole("button", { name: "Create topic" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create topic" });
  await dialog.getByLabel("Name", { exact: true }).fill(topic);
  await dialog.getByRole("button", { name: "Create topic" }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`), { timeout: 30_000 });
}

const rows = (page: Page) => page.getByTestId("audit-row");

test("lists a change with who made it, from where and how it ended, and filters in the URL", async ({
  page,
  browserName,
}) => {
  // Generous: a change, the audit page, four filters and an export, on a machine that may be busy.
  test.setTimeout(240_000);
  const topic = uniqueName("e2e-audit");
  try {
    await createTopicThroughTheForm(page, topic);
    const userAgent = await page.evaluate(() => navigator.userAgent);

    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByTestId("audit-retention")).toHaveText(/kept \d+ days/);

    // Filter by target: exactly the topic's creation, newest first, with actor, result, IP and browser.
    await page.getByLabel("Target").fill(topic);
    await page.getByLabel("Target").press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]target=${topic}`));
    await expect(rows(page)).toHaveCount(1);
    const row = rows(page).first();
    await expect(row).toContainText(ACTOR_NAME);
    await expect(row).toContainText("topic.create");
    await expect(row).toContainText("ok");
    // `next start` fills X-Forwarded-For with the socket's address: the browser runs on this machine.
    await expect(row).toContainText(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    await expect(row.getByTitle(userAgent)).toBeVisible();
    expect(browserName).toBe("chromium");

    // Another action filter on the same target matches nothing; the link reproduces the view.
    await page.getByLabel("Action").fill("topic.delete");
    await page.getByLabel("Action").press("Enter");
    await expect(page.getByText("No audit rows match.")).toBeVisible();
    await page.getByLabel("Action").fill("topic.create");
    await page.getByLabel("Action").press("Enter");
    await expect(rows(page)).toHaveCount(1);
    const shared = page.url();
    await page.goto("/admin/audit");
    await page.goto(shared);
    await expect(page.getByLabel("Target")).toHaveValue(topic);
    await expect(rows(page)).toHaveCount(1);

    // An actor filter that names nobody empties the list.
    await page.getByLabel("Actor").fill("nobody-by-this-name");
    await page.getByLabel("Actor").press("Enter");
    await expect(page.getByText("No audit rows match.")).toBeVisible();

    // The export is of the filtered log.
    await page.getByLabel("Actor").fill(ACTOR_NAME);
    await page.getByLabel("Actor").press("Enter");
    await expect(rows(page)).toHaveCount(1);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tributary-audit-.*\.csv$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString("utf8").trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,topic.create,`);
    expect(lines[1]).toContain(topic);
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }).catch(() => undefined));
  }
});
