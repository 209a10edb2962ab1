import { expect, test } from "@playwright/test";
import type { Consumer } from "kafkajs";
import { clusterIdFor, startOutsideMember, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

/**
 * A consumer group with a backlog, made by "another application": the server samples its lag on
 * its own (no page needs to be open), and the group page charts it — total and per partition — live,
 * with a rebalance marked and the range in the URL. Samples come every LAG_SAMPLE_SECONDS: 2 s in
 * the server `npm test` starts (playwright.config.ts), 15 s by default — hence the generous waits.
 */
const SAMPLE_WAIT = { timeout: 60_000 };

test.describe("lag history", () => {
  const topic = uniqueName("e2e-lag");
  const groupId = uniqueName("e2e-lag-group");
  const members: Consumer[] = [];

  test.beforeAll(async () => {
    await withOutsideAdmin(async (admin) => {
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    });
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: [
          ...Array.from({ length: 5 }, (_, index) => ({ partition: 0, value: `a-${index}` })),
          ...Array.from({ length: 8 }, (_, index) => ({ partition: 1, value: `b-${index}` })),
        ],
      }),
    );
    // The group commits offset 0 on both partitions: 13 messages behind.
    await withOutsideAdmin((admin) =>
      admin.setOffsets({ groupId, topic, partitions: [0, 1].map((partition) => ({ partition, offset: "0" })) }),
    );
  });

  test.afterAll(async () => {
    await Promise.allSettled(members.map((member) => member.disconnect()));
    await withOutsideAdmin(async (admin) => {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    });
  });

  test("charts the sampled lag live, per partition, with a rebalance marked and the range in the URL", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const clusterId = await clusterIdFor(page);
    await page.goto(`/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}?lag=15m`);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Lag over time" }) });
    await expect(card.getByTestId("lag-now")).toHaveText("13 messages behind", SAMPLE_WAIT);
    await expect(card.getByRole("img", { name: /Lag \(messages\) of the group over time/ })).toBeVisible();
    await expect(card.getByRole("img", { name: `Lag per partition of ${topic} over time` })).toBeVisible();
    await expect(card.getByText("Partition 1", { exact: true })).toBeVisible();
    await expect(card.getByRole("button", { name: "15 min" })).toHaveAttribute("aria-pressed", "true");

    // A member joins while the page watches the group: its rebalance is stored and marked.
    members.push(await startOutsideMember(groupId, topic, "lag-member-1"));
    await expect(card.getByText(/^\d+ rebalances? in this window/)).toBeVisible(SAMPLE_WAIT);
    await card.getByText(/^\d+ rebalances? in this window/).click();
    await expect(card.getByRole("listitem").filter({ hasText: "joined lag-member-1" })).toBeVisible();

    // More messages arrive; the chart follows without a reload.
    await withOutsideProducer((producer) =>
      producer.send({
        topic,
        messages: Array.from({ length: 4 }, (_, index) => ({ partition: 0, value: `c-${index}` })),
      }),
    );
    await expect(card.getByTestId("lag-now")).toHaveText("17 messages behind", SAMPLE_WAIT);

    await card.getByRole("button", { name: "Time lag" }).click();
    await expect(card.getByRole("img", { name: /Time lag of the group over time/ })).toBeVisible();

    await card.getByRole("button", { name: "6 hours" }).click();
    await expect(page).toHaveURL(/[?&]lag=6h/);
    await page.reload();
    await expect(card.getByRole("button", { name: "6 hours" })).toHaveAttribute("aria-pressed", "true");
    await expect(card.getByTestId("lag-now")).toHaveText("17 messages behind");
  });

  test("says when a group has no lag samples yet", async ({ page }) => {
    const clusterId = await clusterIdFor(page);
    await page.goto(
      `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(uniqueName("e2e-no-lag"))}`,
    );
    await expect(
      page.getByText(/^No lag samples yet — Tributary samples every \d+ s; the first point appears shortly\.$/),
    ).toBeVisible();
  });
});
