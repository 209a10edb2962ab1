import { expect, test } from "@playwright/test";
import type { Consumer } from "kafkajs";
import { clusterIdFor, startOutsideMember, uniqueName, withOutsideAdmin } from "./fixtures";

/**
 * Real kafkajs members, started by the spec as "another application", join and leave a group on a
 * topic of four partitions; the group page's rebalance timeline must show each rebalance live, with
 * who joined or left and the partitions that moved, and keep it across a reload (it is in PostgreSQL).
 */

test.describe("rebalance history", () => {
  const topic = uniqueName("e2e-history");
  const groupId = uniqueName("e2e-history-group");
  const members: Consumer[] = [];

  test.beforeAll(async () => {
    await withOutsideAdmin((admin) =>
      admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true }),
    );
    members.push(await startOutsideMember(groupId, topic, "history-member-1"));
    members.push(await startOutsideMember(groupId, topic, "history-member-2"));
  });

  test.afterAll(async () => {
    await Promise.allSettled(members.map((member) => member.disconnect()));
    await withOutsideAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  });

  test("shows a member joining and leaving as rebalances with the moved partitions, and keeps them after a reload", async ({
    page,
  }) => {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`);
    const timeline = page.getByRole("list", { name: "Rebalances, newest first" });
    await expect(page.getByText("watching live · Stable · 2 members")).toBeVisible({ timeout: 30_000 });
    const generation = page.getByTestId("group-generation");
    await expect(generation).toHaveText(/^\d+$/);
    const before = Number(await generation.textContent());

    members.push(await startOutsideMember(groupId, topic, "history-member-3"));
    const joined = page.getByTestId("rebalance-entry").first();
    await expect(joined.getByText("Joined")).toBeVisible({ timeout: 15_000 });
    await expect(joined).toContainText("history-member-3");
    await expect(joined.getByText("done")).toBeVisible({ timeout: 15_000 });
    await expect(joined.locator('tr[data-moved="true"]').first()).toBeVisible();
    await expect(joined.locator('tr[data-moved="true"]').first()).toContainText("history-member-3");
    // The join started a new generation: the header and the timeline entry both show it.
    await expect.poll(async () => Number(await generation.textContent())).toBeGreaterThan(before);
    await expect(joined.getByTestId("rebalance-generation")).toHaveText(
      `→ generation ${await generation.textContent()}`,
    );

    await members.splice(1, 1)[0]!.disconnect();
    const left = page.getByTestId("rebalance-entry").first();
    await expect(left.getByText("Left")).toBeVisible({ timeout: 15_000 });
    await expect(left).toContainText("history-member-2");

    await page.reload();
    await expect(timeline.getByTestId("rebalance-entry").nth(0)).toContainText("history-member-2");
    await expect(timeline.getByTestId("rebalance-entry").nth(1)).toContainText("history-member-3");
  });

  test("marks where a group was deleted and created again, and the header's generation is the newest entry's", async ({
    page,
  }) => {
    const clusterId = await clusterIdFor(page);
    const restarted = uniqueName("e2e-restarted");
    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(restarted)}`);
    await expect(page.getByText(/watching live · Dead/)).toBeVisible({ timeout: 30_000 });
    const newestEntry = page.getByTestId("rebalance-entry").first();
    const generation = page.getByTestId("group-generation");

    const first = await startOutsideMember(restarted, topic, "restart-member-1");
    await expect(newestEntry).toContainText("restart-member-1", { timeout: 15_000 });
    await expect(newestEntry.getByText("done")).toBeVisible({ timeout: 15_000 });
    await first.disconnect();
    await expect(newestEntry.getByText("Left")).toBeVisible({ timeout: 15_000 });
    await withOutsideAdmin((admin) => admin.deleteGroups([restarted]));
    await expect(page.getByText(/watching live · Dead/)).toBeVisible({ timeout: 15_000 });

    const again = await startOutsideMember(restarted, topic, "restart-member-2");
    members.push(again);
    await expect(page.getByText("Group deleted and created again — generations restart")).toBeVisible({
      timeout: 15_000,
    });
    await expect(newestEntry).toContainText("restart-member-2");
    await expect(newestEntry.getByText("done")).toBeVisible({ timeout: 15_000 });
    // One snapshot: a settled header names the generation its newest rebalance ended in.
    await expect(page.getByTestId("group-state")).toHaveText("Stable");
    await expect(newestEntry.getByTestId("rebalance-generation")).toHaveText(
      `→ generation ${await generation.textContent()}`,
    );
    await expect(page.getByText("Group deleted and created again — generations restart")).toHaveCount(1);
  });

  test("says nothing was recorded yet for a group nobody watched", async ({ page }) => {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(uniqueName("e2e-quiet"))}`);
    await expect(page.getByText("No rebalances recorded since Tributary started watching this group")).toBeVisible();
  });
});
