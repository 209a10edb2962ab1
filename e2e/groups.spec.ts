import { expect, test } from "@playwright/test";
import type { Consumer } from "kafkajs";
import { clusterIdFor, startOutsideMember, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

/**
 * Real kafkajs consumers, started by the spec as "another application", join a group on a topic of
 * three partitions with a backlog; Tributary's list and group page must show them and their lag.
 */

test.describe("consumer groups", () => {
  const topic = uniqueName("e2e-groups");
  const groupId = uniqueName("e2e-group");
  const members: Consumer[] = [];

  test.beforeAll(async () => {
    await withOutsideAdmin(async (admin) => {
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    });
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: [0, 1, 2].flatMap((partition) =>
          Array.from({ length: 10 }, (_, index) => ({ partition, value: `record ${index}` })),
        ),
      }),
    );
    // Committed at 4 of 10 on every partition: a lag of 18 the members never reduce (they do not commit).
    await withOutsideAdmin((admin) =>
      admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: "4" })) }),
    );
    members.push(await startOutsideMember(groupId, topic), await startOutsideMember(groupId, topic));
  });

  test.afterAll(async () => {
    await Promise.allSettled(members.map((member) => member.disconnect()));
    await withOutsideAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  });

  test("lists the group with its members and lag, then shows members, the grid, and a third member joining", async ({
    page,
  }) => {
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/groups?q=${encodeURIComponent(groupId)}`);
    const row = page.locator(`[data-testid="group-row"][data-group="${groupId}"]`);
    await expect(row.locator('[data-column="members"]')).toHaveText("2", { timeout: 20_000 });
    await expect(row.locator('[data-column="lag"]')).toHaveText("18");
    await expect(row.locator('[data-column="topics"]')).toHaveText(topic);
    await expect(row.locator('[data-column="state"]')).toHaveText("Stable");

    await row.getByRole("link", { name: groupId }).click();
    await expect(page.getByRole("heading", { level: 1, name: groupId })).toBeVisible();
    await expect(page.getByTestId("group-member")).toHaveCount(2, { timeout: 20_000 });
    const grid = page.getByTestId("assignment-grid");
    await expect(grid.locator("tbody tr")).toHaveCount(3);
    await expect(grid.locator('thead th[data-idle="false"]')).toHaveCount(2);
    await expect(page.getByRole("table", { name: "Lag per partition" }).locator('[data-column="lag"]')).toHaveText([
      "6",
      "6",
      "6",
    ]);

    members.push(await startOutsideMember(groupId, topic));
    await expect(page.getByTestId("group-member")).toHaveCount(3, { timeout: 15_000 });
    await expect(page.getByTestId("group-member-count")).toHaveText("3");
    await expect(page.getByTestId("group-state")).toHaveText("Stable", { timeout: 15_000 });
    // Three members on three partitions: each reads one, nobody waits idle.
    await expect(grid.locator('thead th[data-idle="false"]')).toHaveCount(3);
  });

  test("a fourth member on three partitions stands out as idle, with the reason", async ({ page }) => {
    members.push(await startOutsideMember(groupId, topic));
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${clusterId}/groups/${encodeURIComponent(groupId)}`);
    await expect(page.getByTestId("group-member")).toHaveCount(4, { timeout: 20_000 });
    await expect(
      page.getByText("4 members, 3 partitions: one member has nothing to read.", { exact: false }),
    ).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByTestId("assignment-grid").locator('thead th[data-idle="true"]')).toHaveCount(1);
  });
});
