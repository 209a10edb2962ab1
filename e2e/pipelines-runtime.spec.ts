import { expect, test, type Page } from "@playwright/test";
import { changelogTopic, pipelineSlug, stepGroupId } from "../src/domain/pipelines/runtime/naming";
import { clusterIdFor, signedInAs, trpcMutation, uniqueName, withOutsideAdmin } from "./fixtures";
import { createPipeline, removePipeline, savePipeline, telemetryChain } from "./pipelines-api";
import { startRunnerProcess, startTelemetryFeed, type TE2eRunner, type TTelemetryFeed } from "./runtime-processes";

test.use({ ...signedInAs("operator"), viewport: { width: 1600, height: 1000 } });

/** As many partitions as the simulator's topic: two runners share them 3 and 3. */
const PARTITIONS = 6;
const ALL_PARTITIONS = [0, 1, 2, 3, 4, 5];
const EDGE_IDS = ["e-raw-clean", "e-clean-topic", "e-topic-model", "e-model-results"];

/** The partitions each running instance chip of a step says it holds ("Holds 3 partitions: 0, 2, 4."). */
async function runningChips(page: Page, nodeId: string): Promise<{ label: string; partitions: number[] }[]> {
  const chips = page.getByTestId(`instances-${nodeId}`).locator('[data-testid="instance-chip"][data-tone="running"]');
  const read = await chips.evaluateAll((elements) =>
    elements.map((element) => ({ text: element.textContent ?? "", title: element.getAttribute("title") ?? "" })),
  );
  return read.map(({ text, title }) => ({
    label: text.split(" · ")[0]?.trim() ?? "",
    partitions: (title.split(":")[1] ?? "").match(/\d+/g)?.map(Number) ?? [],
  }));
}

/** How a step's partitions are spread over its running instances, as the chips show it. */
async function spread(page: Page, nodeId: string) {
  const chips = await runningChips(page, nodeId);
  const held = chips.flatMap((chip) => chip.partitions);
  return {
    instances: chips.length,
    partitions: [...held].sort((a, b) => a - b),
    // A partition shown on two chips at once would mean two members read it.
    isDisjoint: new Set(held).size === held.length,
    everyInstanceBusy: chips.every((chip) => chip.partitions.length > 0),
  };
}

test("deploys the seeds' chain from the designer, shows data on every edge, and shares partitions with a second runner", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const clusterId = await clusterIdFor(page);
  const name = uniqueName("e2e-runtime");
  const topics = {
    raw: `${name}.telemetry.raw`,
    clean: `${name}.telemetry.clean`,
    results: `${name}.telemetry.anomalies`,
    deadLetters: `${name}.telemetry.dead-letter`,
  };
  const layers: Record<string, string> = {
    [topics.raw]: "raw",
    [topics.clean]: "clean",
    [topics.results]: "results",
    [topics.deadLetters]: "raw",
  };
  const slug = pipelineSlug(name);
  const runners: TE2eRunner[] = [];
  let feed: TTelemetryFeed | null = null;
  let pipelineId: string | null = null;
  try {
    // Definitions first, as the catalogue saves them: the deploy creates the topics from them.
    for (const [topicName, layer] of Object.entries(layers)) {
      const response = await trpcMutation(page, "definitions.save", {
        clusterId,
        definition: {
          topicName,
          layer,
          owner: "e2e",
          keyDescription: "stream id: `server-<n>-<metric>`",
          partitions: PARTITIONS,
          replicationFactor: 1,
          configs: {},
        },
      });
      expect(response.ok(), await response.text()).toBe(true);
    }
    const created = await createPipeline(page, clusterId, name);
    pipelineId = created.id;
    await savePipeline(page, clusterId, created, telemetryChain(name, topics));
    runners.push(startRunnerProcess("runner-1"));

    // (1) In the designer: ready, then Deploy — the plan names each step's consumer group.
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}`);
    // A click, not check(): the switch turns on once the server has marked the pipeline ready.
    await page.getByRole("switch", { name: "Ready to deploy" }).click();
    await expect(page.getByRole("switch", { name: "Ready to deploy" })).toBeChecked();
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Deploy ${name}` });
    await expect(dialog.getByTestId("deploy-group")).toHaveCount(2);
    await expect(dialog).toContainText(stepGroupId(slug, "clean-1"));
    await expect(dialog).toContainText(stepGroupId(slug, "model-1"));
    await expect(dialog.getByTestId("deploy-refusal")).toHaveCount(0);
    await dialog.getByRole("button", { name: /^Deploy revision \d+$/ }).click();
    await expect(dialog.getByRole("status")).toContainText(/Revision \d+ is deployed/);
    // The footer's Close and the corner's ✕ share the name: Escape closes it as a keyboard user would.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // (2) Keyed readings into the raw topic (1 in 20 malformed); every edge carries records within 30 s.
    feed = await startTelemetryFeed(topics.raw, { ratePerSecond: 60, malformedShare: 0.05 });
    for (const edgeId of EDGE_IDS) {
      await expect(page.getByTestId(`edge-rate-${edgeId}`), edgeId).toHaveAttribute("data-idle", "false", {
        timeout: 30_000,
      });
    }
    await expect(page.getByTestId("dead-letter-rate-clean-1")).toHaveAttribute("data-idle", "false", {
      timeout: 30_000,
    });
    // One runner holds all six partitions of each step.
    for (const nodeId of ["clean-1", "model-1"]) {
      await expect
        .poll(() => spread(page, nodeId), { timeout: 30_000 })
        .toEqual({ instances: 1, partitions: ALL_PARTITIONS, isDisjoint: true, everyInstanceBusy: true });
    }

    // (3) A second runner: Kafka gives it part of the partitions, and the graph shows two instances.
    const second = startRunnerProcess("runner-2");
    runners.push(second);
    for (const nodeId of ["clean-1", "model-1"]) {
      await expect
        .poll(() => spread(page, nodeId), { timeout: 60_000, message: second.output() })
        .toEqual({ instances: 2, partitions: ALL_PARTITIONS, isDisjoint: true, everyInstanceBusy: true });
    }
    // The new chip names the second runner (host:pid, since both run on this machine).
    await expect(
      page.getByTestId("instances-clean-1").locator('[data-testid="instance-chip"][data-tone="running"]'),
    ).toContainText([new RegExp(`:${second.pid} #1`)]);

    // (4) SIGTERM to the second runner: it leaves its groups and the first takes every partition back.
    await second.stop();
    for (const nodeId of ["clean-1", "model-1"]) {
      await expect
        .poll(() => spread(page, nodeId), { timeout: 60_000 })
        .toEqual({ instances: 1, partitions: ALL_PARTITIONS, isDisjoint: true, everyInstanceBusy: true });
    }
    await expect(page.getByTestId("edge-rate-e-raw-clean")).toHaveAttribute("data-idle", "false", {
      timeout: 30_000,
    });
  } finally {
    await feed?.stop();
    for (const runner of runners) await runner.stop();
    if (pipelineId) await removePipeline(page, clusterId, pipelineId);
    for (const topicName of Object.keys(layers)) {
      await trpcMutation(page, "definitions.remove", { clusterId, topicName });
    }
    await withOutsideAdmin(async (admin) => {
      const groups = [stepGroupId(slug, "clean-1"), stepGroupId(slug, "model-1")];
      await admin.deleteGroups(groups).catch(() => undefined);
      const existing = new Set(await admin.listTopics());
      const made = [...Object.keys(layers), changelogTopic(slug, "model-1")].filter((topic) => existing.has(topic));
      await admin.deleteTopics({ topics: made }).catch(() => undefined);
    });
  }
});
