import { expect, test } from "@playwright/test";
import { clusterIdFor, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";
import { createPipeline, removePipeline, savePipeline, telemetryChain } from "./pipelines-api";

/** Readings as the seeds describe them: keyed per stream, one with its value as text (the cleaning coerces it). */
const READINGS = Array.from({ length: 12 }, (_, index) => {
  const server = `server-${(index % 3) + 1}`;
  const value = 40 + index * 3;
  return {
    key: `${server}-cpu`,
    value: JSON.stringify({
      server,
      metric: "cpu",
      value: index === 4 ? String(value) : value,
      unit: "percent",
      timestamp: 1_767_225_600_000 + index * 1_000,
    }),
  };
});
/** A row of the dry run's summary: its label, then its figure. */
function summaryLine(label: string, figure: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${escape(label)}\\s*${escape(figure)}`);
}

const MALFORMED = { key: "server-1-cpu", value: "server-1 cpu=97 <b>not json</b>" };

test("the dry run on real messages of telemetry.raw shows each step's output and the malformed record as a dead letter", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const name = uniqueName("e2e-dry-run");
  const topics = {
    raw: `${name}.telemetry.raw`,
    clean: `${name}.telemetry.clean`,
    results: `${name}.telemetry.anomalies`,
    deadLetters: `${name}.telemetry.dead-letters`,
  };
  await withOutsideAdmin((admin) =>
    admin.createTopics({
      topics: Object.values(topics).map((topic) => ({ topic, numPartitions: topic === topics.raw ? 2 : 1 })),
      waitForLeaders: true,
    }),
  );
  await withOutsideProducer((producer) => producer.send({ topic: topics.raw, messages: [...READINGS, MALFORMED] }));
  const clusterId = await clusterIdFor(page);
  const created = await createPipeline(page, clusterId, name);
  const saved = await savePipeline(page, clusterId, created, telemetryChain(name, topics));
  try {
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}`);
    const panel = page.getByRole("region", { name: "Dry run" });
    await expect(panel.getByRole("combobox", { name: "Records to run" })).toHaveValue("latest");
    await expect(panel).toContainText(`From ${topics.raw}, read without a consumer group.`);
    await panel.getByRole("button", { name: "Run", exact: true }).click();

    // The summary: 13 read, 12 clean ones on to the clean topic and the model, 1 dead letter with its reason.
    const result = panel.getByTestId("dry-run-result");
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(result).toContainText(summaryLine(`Read from ${topics.raw}`, "13 records"));
    await expect(result).toContainText(summaryLine(`Written to ${topics.clean}`, "12 records"));
    await expect(result).toContainText(summaryLine(`Written to ${topics.results}`, "12 records"));
    const deadLetter = panel.getByTestId("dead-letter-row");
    await expect(deadLetter).toHaveCount(1);
    await expect(deadLetter.getByTestId("dead-letter-reason")).not.toBeEmpty();
    // The payload is shown as text: its markup is characters, not an element.
    await expect(deadLetter.getByTestId("dead-letter-value")).toHaveText(MALFORMED.value);
    await expect(deadLetter.locator("b")).toHaveCount(0);

    // On the canvas: counts on the steps and on the edges.
    const cleanNode = page.locator('.react-flow__node[data-id="clean-1"]');
    await expect(cleanNode.getByTestId("node-run")).toContainText("in 13 · out 12");
    await expect(cleanNode.getByTestId("node-run")).toContainText("dead 1");
    await expect(page.locator('.react-flow__node[data-id="model-1"]').getByTestId("node-run")).toContainText(
      "in 12 · out 12",
    );
    await expect(page.getByTestId("edge-label").filter({ hasText: "12 records" })).toHaveCount(3);

    // In the inspector: what the cleaning made of each record (the text value coerced to a number)…
    await cleanNode.click();
    const inspector = page.getByRole("complementary", { name: "Inspector" });
    await inspector.getByRole("tab", { name: "Dry run" }).click();
    const view = inspector.getByTestId("node-run-view");
    await expect(view).toContainText("Received13");
    await expect(view).toContainText("Dead letters1");
    const coerced = view.getByTestId("node-run-output").filter({ hasText: `"value":${40 + 4 * 3},` });
    await expect(coerced.first()).toBeVisible();
    await expect(view.getByTestId("node-run-output").filter({ hasText: MALFORMED.value })).toContainText("dead-letter");
    // …and the shape of what leaves on its edge: field: type.
    const edge = view.getByTestId("edge-run").filter({ hasText: "e-clean-topic" });
    await expect(edge).toContainText("12 records");
    await expect(edge.getByRole("definition").first()).toBeVisible();
    await expect(edge).toContainText(/value\s*number|valueinteger|valuenumber/);

    // The model step: every clean record scored under "model".
    await page.locator('.react-flow__node[data-id="model-1"]').click();
    await inspector.getByRole("tab", { name: "Dry run" }).click();
    await expect(inspector.getByTestId("node-run-view")).toContainText("Received12");
    await expect(inspector.getByTestId("node-run-output").first()).toContainText('"model":{');

    // Compare by output: revision 3 no longer coerces, so the reading sent as text never reaches the results.
    await savePipeline(page, clusterId, saved, telemetryChain(name, topics, 3, false));
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}/revisions?revision=2&against=3`);
    await page.getByRole("combobox", { name: "Records to run" }).selectOption("latest");
    await page.getByRole("button", { name: "Compare revisions 2 and 3 by output" }).click();
    const comparison = page.getByTestId("comparison");
    await expect(comparison).toBeVisible({ timeout: 60_000 });
    await expect(comparison).toContainText("Both revisions ran over the same 13 records.");
    // Revision 3 writes one result fewer; the z-scores of that stream after it differ too (its window lacks the reading).
    const resultsRow = comparison.getByTestId("comparison-topic").filter({ hasText: topics.results });
    await expect(resultsRow.getByRole("cell")).toHaveText([topics.results, "12", "11", /^\d+$/, /^[1-9]\d*$/]);
    const difference = comparison
      .getByTestId("comparison-difference")
      .filter({ hasText: `"value":"${40 + 4 * 3}"` })
      .filter({ hasText: `→ ${topics.results}` });
    await expect(difference).toHaveCount(1);
    await expect(difference).toContainText("nothing written");
  } finally {
    await removePipeline(page, clusterId, created.id);
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: Object.values(topics) }));
  }
});
