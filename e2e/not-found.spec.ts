import { expect, test } from "@playwright/test";
import type { Consumer } from "kafkajs";
import { clusterIdFor, startOutsideMember, uniqueName, withOutsideAdmin } from "./fixtures";

/** A cluster id no database row has (ids are UUIDs). */
const UNKNOWN_CLUSTER = "00000000-0000-4000-8000-000000000000";

test("a missing topic answers 404 with the friendly page, an existing one 200", async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName("e2e-exists");
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    const clusterId = await clusterIdFor(page);
    const missing = await page.goto(`/clusters/${clusterId}/topics/${uniqueName("e2e-missing")}`);
    expect(missing?.status()).toBe(404);
    // The page's own query says which is missing; the wait covers a slow, shared test machine.
    await expect(page.getByRole("link", { name: "Back to the topics" })).toBeVisible({ timeout: 30_000 });

    const present = await page.goto(`/clusters/${clusterId}/topics/${topic}`);
    expect(present?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  } finally {
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});

test("an unknown cluster answers 404 on its topics and groups and says it is not registered", async ({ page }) => {
  for (const path of ["topics", "groups"]) {
    const response = await page.goto(`/clusters/${UNKNOWN_CLUSTER}/${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("This cluster is not registered in Tributary.")).toBeVisible();
    await expect(page.getByRole("link", { name: "All clusters" })).toBeVisible();
  }
  const topic = await page.goto(`/clusters/${UNKNOWN_CLUSTER}/topics/orders`);
  expect(topic?.status()).toBe(404);
});

test("a missing group answers 404, and the page switches to the group once a member joins", async ({ page }) => {
  test.setTimeout(90_000);
  const topic = uniqueName("e2e-nf-topic");
  const groupId = uniqueName("e2e-nf-group");
  let member: Consumer | null = null;
  await withOutsideAdmin((admin) => admin.createTopics({ topics: [{ topic }], waitForLeaders: true }));
  try {
    const clusterId = await clusterIdFor(page);
    const response = await page.goto(`/clusters/${clusterId}/groups/${groupId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("This page shows the group as soon as it appears.")).toBeVisible({ timeout: 30_000 });

    member = await startOutsideMember(groupId, topic);
    await expect(page.getByTestId("group-member")).toHaveCount(1, { timeout: 20_000 });
  } finally {
    await member?.disconnect();
    await withOutsideAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  }
});

test("an address Tributary does not serve answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Back to the clusters" })).toBeVisible();
});

test("serves a favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\//);
});
