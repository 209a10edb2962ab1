import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, signedInAs, trpcMutation, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";
import { e2eAccount, SERVER_LOG } from "./paths";

/**
 * Accounts and roles as their users meet them: a viewer reads but cannot delete (neither from the
 * page nor through the API), an admin's read-only switch stops every change, the audit log names
 * who flipped it, and the server log never shows a password or a session token.
 */

const topicHref = (clusterId: string, topic: string, query: string) =>
  `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}?${query}`;

async function clusterName(page: Page, clusterId: string): Promise<string> {
  const response = await page.request.get("/api/trpc/clusters.list");
  const body = (await response.json()) as { result: { data: { json: { id: string; name: string }[] } } };
  const cluster = body.result.data.json.find((c) => c.id === clusterId);
  if (!cluster) throw new Error(`Cluster ${clusterId} is not registered.`);
  return cluster.name;
}

async function deleteTopic(topic: string) {
  await withOutsideAdmin(async (admin) => {
    if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  });
}

test.describe("as a viewer", () => {
  test.use(signedInAs("viewer"));

  test("sees topics and messages, but may not delete a topic from the page or the API", async ({ page }) => {
    test.setTimeout(120_000);
    const topic = uniqueName("e2e-viewer");
    await withOutsideAdmin((admin) =>
      admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }),
    );
    try {
      await withOutsideProducer((producer) =>
        producer.send({ topic, messages: [{ key: "reading-1", value: "seen by a viewer" }] }),
      );
      const clusterId = await clusterIdFor(page);

      // The topic list shows the topic.
      await page.goto(`/clusters/${clusterId}/topics`);
      await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
      await page.getByRole("searchbox", { name: "Search topics by name" }).fill(topic);
      await expect(page.locator(`[data-testid=topic-row][data-topic="${topic}"]`)).toBeVisible();

      // Its messages are readable.
      await page.goto(topicHref(clusterId, topic, "tab=messages&mode=browse&start=earliest"));
      await expect(page.getByTestId("message-key").first()).toHaveText("reading-1");
      await expect(page.getByTestId("message-value").first()).toHaveText("seen by a viewer");

      // The Danger zone's button is disabled, and the page says why.
      await page.getByRole("tab", { name: "Configs" }).click();
      await page.getByLabel(`Type ${topic} to confirm`).fill(topic);
      await expect(page.getByRole("button", { name: "Delete topic" })).toBeDisabled();
      await expect(page.getByTestId("role-note")).toHaveText("Needs the admin role — you are a viewer.");

      // Calling the API directly, with the header Tributary's pages send, is refused the same way.
      const response = await trpcMutation(page, "topics.delete", { clusterId, name: topic, confirmation: topic });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain("Needs the admin role — you are a viewer.");
      expect(await withOutsideAdmin((admin) => admin.listTopics())).toContain(topic);

      // A refused role is stopped before any change, so the audit log has no delete of this topic
      // (the viewer cannot open the audit page; the admin test below reads it).
    } finally {
      await deleteTopic(topic);
    }
  });
});

test.describe("as the admin", () => {
  test("marks the cluster read-only, which refuses a produce, lifts it, and the audit log names the admin", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const topic = uniqueName("e2e-read-only");
    await withOutsideAdmin((admin) =>
      admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true }),
    );
    const clusterId = await clusterIdFor(page);
    const name = await clusterName(page, clusterId);
    // The home page shows each cluster's overview, in a region named after the cluster.
    const overview = page.getByRole("region", { name, exact: true });
    const readOnlySwitch = overview.getByRole("switch", { name: "Read-only" });
    try {
      // (1) The switch on the cluster overview (the home page).
      await page.goto("/");
      await expect(readOnlySwitch).not.toBeChecked();
      // The switch follows the server: it turns once the change is saved.
      await readOnlySwitch.click();
      await expect(readOnlySwitch).toBeChecked();
      await page.reload();
      await expect(readOnlySwitch).toBeChecked();
      await expect(overview.getByText("read-only", { exact: true })).toBeVisible();

      // (2) A produce from the topic page is refused with the read-only sentence.
      await page.goto(topicHref(clusterId, topic, "tab=messages"));
      await page.getByRole("button", { name: "Produce" }).click();
      const dialog = page.getByRole("dialog", { name: `Produce to ${topic}` });
      await dialog.getByRole("textbox", { name: "Value" }).fill('{"must": "not arrive"}');
      await dialog.getByRole("button", { name: "Produce", exact: true }).click();
      await expect(
        dialog.getByText(`The cluster ${name} is read-only in Tributary, so it cannot be changed from here.`),
      ).toBeVisible();
      await expect(dialog.getByText("An admin can lift read-only mode on the cluster's overview.")).toBeVisible();
      const offsets = await withOutsideAdmin((admin) => admin.fetchTopicOffsets(topic));
      expect(offsets.map((partition) => partition.high)).toEqual(["0"]);

      // (3) Lift it again from the overview.
      await page.goto("/");
      await expect(readOnlySwitch).toBeChecked();
      await readOnlySwitch.click();
      await expect(readOnlySwitch).not.toBeChecked();
      await page.reload();
      await expect(readOnlySwitch).not.toBeChecked();
    } finally {
      // Other specs share the cluster: never leave it read-only.
      const lifted = await trpcMutation(page, "clusters.setReadOnly", { clusterId, isReadOnly: false });
      expect(lifted.ok()).toBe(true);
      await deleteTopic(topic);
    }

    // (4) The audit log names the admin for both changes of the mode.
    const rows = page.getByTestId("audit-row");
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    for (const action of ["cluster.set-read-only", "cluster.lift-read-only"]) {
      await page.getByLabel("Action").fill(action);
      await page.getByLabel("Action").press("Enter");
      await expect(page).toHaveURL(new RegExp(`[?&]action=${action}`));
      const newest = rows.first();
      await expect(newest).toContainText(action);
      await expect(newest).toContainText(e2eAccount("admin").name);
      await expect(newest).toContainText(name);
      await expect(newest).toContainText("ok");
    }

    // Refusals are not audited: read-only stops the produce before its audit row is written, so
    // this topic's log holds no produce.
    await page.getByLabel("Action").fill("messages.produce");
    await page.getByLabel("Action").press("Enter");
    await expect(page).toHaveURL(/[?&]action=messages\.produce/);
    await page.getByLabel("Target").fill(topic);
    await page.getByLabel("Target").press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]target=${topic}`));
    await expect(page.getByText("No audit rows match.")).toBeVisible();
  });
});

test.describe("as the admin, on the users page", () => {
  test.use(signedInAs("admin"));

  test("invites someone, sees the invite pending, revokes it, and the link no longer works", async ({ page }) => {
    const email = `${uniqueName("revoked")}@tributary.test`;
    await page.goto("/admin/users");
    // As a person would, invite once the page has loaded: a list still loading keeps its first answer.
    const pending = page.getByTestId("pending-invites");
    await expect(pending.or(page.getByText(/^No invite is waiting/))).toBeVisible();
    const form = page.getByRole("form", { name: "Invite a user" });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Create invite link" }).click();
    const link = await page.getByTestId("invite-link").textContent();

    await expect(pending.getByRole("row", { name: new RegExp(email) })).toBeVisible();
    await pending.getByRole("button", { name: `Revoke the invite for ${email}` }).click();
    await expect(pending.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

    await page.goto(link!);
    await expect(page.getByText("This invite link has expired, was revoked or was already used.")).toBeVisible();
  });
});

test.describe("the server log", () => {
  test.use(signedInAs("viewer"));

  test("never shows a password or the viewer's session token", async ({ page, context }) => {
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toHaveText(/E2E viewer\s*· viewer/);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
    expect(cookie, "the viewer has a better-auth session cookie").toBeDefined();
    const token = decodeURIComponent(cookie!.value);
    // The cookie is "<token>.<signature>"; neither the whole value nor the token alone may appear.
    const secrets = [cookie!.value, token, token.split(".")[0]!];

    const log = await readFile(SERVER_LOG, "utf8");
    expect(log.length).toBeGreaterThan(0);
    for (const role of ["admin", "operator", "viewer"] as const) {
      expect(log).not.toContain(e2eAccount(role).password);
    }
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
  });
});
