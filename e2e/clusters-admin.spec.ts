import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, signedInAs, testKafkaSecured, trpcMutation, uniqueName, withOutsideAdmin } from "./fixtures";

/**
 * Clusters from the UI: an admin adds the test broker's SCRAM listener as a second cluster (a wrong
 * password first, which is refused with its sentence), sees it with its label on the home page,
 * switches to it from a topic page and lands on the same topic there, and removes it. A viewer
 * cannot open the cluster settings. Other specs expect the default cluster alone, so the added one
 * is always removed.
 */

async function clusterIdNamed(page: Page, name: string): Promise<string | null> {
  const response = await page.request.get("/api/trpc/clusters.list");
  const body = (await response.json()) as { result: { data: { json: { id: string; name: string }[] } } };
  return body.result.data.json.find((cluster) => cluster.name === name)?.id ?? null;
}

test("an admin adds the SCRAM cluster after a wrong password, sees its label, switches to it from a topic page and removes it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const secured = testKafkaSecured();
  const name = uniqueName("e2e-scram");
  const label = "scram-e2e";
  const topic = uniqueName("e2e-switch");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    // (1) The settings list, then the form.
    await page.goto("/");
    await page.getByRole("link", { name: "Cluster settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cluster settings" })).toBeVisible();
    await page.getByRole("link", { name: "Add a cluster" }).click();
    const form = page.getByRole("form", { name: "Add a cluster" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Bootstrap servers").fill(secured.scramBrokers);
    await form.getByLabel("Label", { exact: true }).fill(label);
    // The swatch is the radio's label: click it, as a user would.
    await form.getByTitle("Purple").click();
    await expect(form.getByRole("radio", { name: "Purple" })).toBeChecked();
    await form.getByLabel("Mechanism").selectOption(secured.scramMechanism.toUpperCase());
    await form.getByLabel("Username").fill(secured.scramUsername);
    const add = form.getByRole("button", { name: "Add cluster" });
    await expect(add).toBeDisabled();

    // (2) A wrong password: the test says so, and the cluster cannot be saved.
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Test connection" }).click();
    await expect(form.getByText(/refused the SASL login: wrong username or password/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(add).toBeDisabled();

    // (3) The right one: the test finds the broker, and then the cluster is added.
    await form.getByLabel("Password").fill(secured.scramPassword);
    await expect(form.getByText("The connection settings changed since the last test.")).toBeVisible();
    await form.getByRole("button", { name: "Test connection" }).click();
    await expect(form.getByText(/^Connected: found 1 broker, controller broker \d+\.$/)).toBeVisible({
      timeout: 30_000,
    });
    await add.click();
    await expect(page).toHaveURL(/\/admin\/clusters$/);
    const row = page.getByTestId("cluster-settings-row").filter({ hasText: name });
    await expect(row).toContainText(label);
    await expect(row).toContainText(`SASL ${secured.scramMechanism.toUpperCase()}`);

    // (4) The home page shows it with its label.
    await page.goto("/");
    const overview = page.getByRole("region", { name, exact: true });
    await expect(overview.getByText(label, { exact: true })).toBeVisible();
    await expect(overview.getByText("live", { exact: true })).toBeVisible({ timeout: 30_000 });

    // (5) From a topic page of the default cluster, switch: the same topic on the SCRAM cluster.
    const defaultId = await clusterIdFor(page);
    const scramId = await clusterIdNamed(page, name);
    expect(scramId).not.toBeNull();
    await page.goto(`/clusters/${defaultId}/topics/${encodeURIComponent(topic)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);
    // The header names the cluster the page shows (the switcher's choice), with its label.
    const header = page.getByRole("banner");
    const switcher = header.getByLabel("Switch cluster");
    await expect(switcher).toHaveValue(defaultId);
    await expect(header.getByText(label, { exact: true })).toHaveCount(0);
    await switcher.selectOption({ label: `${name} (${label})` });
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe(`/clusters/${scramId}/topics/${encodeURIComponent(topic)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(topic);
    await expect(switcher).toHaveValue(scramId!);
    await expect(switcher.locator("option:checked")).toHaveText(`${name} (${label})`);
    await expect(header.getByText(label, { exact: true })).toBeVisible();
    await expect(page.getByTestId("partition-row")).toHaveCount(1);

    await page.screenshot({ path: test.info().outputPath("switched-topic-page.png") });

    // (6) Edit it: the password is write-only, and a label change saves without a new test.
    await page.goto(`/admin/clusters/${scramId}`);
    const edit = page.getByRole("form", { name: "Cluster settings" });
    await expect(edit.getByLabel("Password")).toHaveValue("");
    await expect(edit.getByText(/Set — leave empty to keep the stored password/)).toBeVisible();
    await edit.getByLabel("Label", { exact: true }).fill("production");
    await edit.getByTitle("Red").click();
    await page.screenshot({ path: test.info().outputPath("edit-form.png"), fullPage: true });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/admin\/clusters$/);
    await expect(page.getByTestId("cluster-settings-row").filter({ hasText: name })).toContainText("production");

    // (7) Remove it, typing its name.
    await page.goto(`/admin/clusters/${scramId}`);
    await page.getByLabel(`Type ${name} to confirm`).fill(name);
    await page.getByRole("button", { name: "Remove cluster" }).click();
    await expect(page).toHaveURL(/\/admin\/clusters$/);
    await expect(page.getByTestId("cluster-settings-row").filter({ hasText: name })).toHaveCount(0);
  } finally {
    const leftover = await clusterIdNamed(page, name);
    if (leftover) await trpcMutation(page, "clusters.remove", { clusterId: leftover, confirmation: name });
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test.describe("as a viewer", () => {
  test.use(signedInAs("viewer"));

  test("cannot open the cluster settings: no link, and the page says the role it needs", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("banner").getByLabel("Switch cluster")).toBeVisible();
    await expect(page.getByRole("link", { name: "Cluster settings" })).toHaveCount(0);
    await page.goto("/admin/clusters");
    await expect(page.getByText("Needs the admin role — you are a viewer.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add a cluster" })).toHaveCount(0);
    await page.goto("/admin/clusters/new");
    await expect(page.getByText("Needs the admin role — you are a viewer.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Test connection" })).toHaveCount(0);
  });
});
