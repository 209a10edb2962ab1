import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, signedInAs, trpcMutation, uniqueName, withOutsideAdmin, withOutsideProducer } from "./fixtures";

// An admin: applying the plan changes topics, which only admins may do (an operator edits definitions).
test.use(signedInAs("admin"));

/** Readings as the simulator writes them: keyed by stream, values from 10 to 95 (some above 50). */
const READINGS = Array.from({ length: 18 }, (_, index) => ({
  key: `server-${index % 3}-cpu`,
  value: JSON.stringify({ stream: `server-${index % 3}-cpu`, value: 10 + index * 5, unit: "percent" }),
}));
const ABOVE_50 = READINGS.filter((reading) => (JSON.parse(reading.value) as { value: number }).value > 50).length;

/** The inferred schema in the editor, with `maximum: 50` added to the reading's value. */
async function tightenSchema(page: Page) {
  const editor = page.getByRole("textbox", { name: "Version 2" });
  const schema = JSON.parse(await editor.inputValue()) as { properties: Record<string, Record<string, unknown>> };
  expect(schema.properties.value).toBeDefined();
  schema.properties.value = { ...schema.properties.value, maximum: 50 };
  await editor.fill(JSON.stringify(schema, null, 2));
}

test("imports telemetry.raw with its inferred schema, checks conformance, and applies a retention change", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Ends in .raw like the seeds' raw topics; unique, so runs never meet.
  const topic = `${uniqueName("e2e-defs")}.telemetry.raw`;
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true }),
  );
  await withOutsideProducer((producer) => producer.send({ topic, messages: READINGS }));
  const clusterId = await clusterIdFor(page);
  try {
    // (1) From the cluster navigation to the catalogue, then import the topic.
    await page.goto(`/clusters/${clusterId}/topics`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalogue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
    await page.getByRole("link", { name: "Import topics" }).click();
    await page.getByRole("searchbox", { name: "Search undefined topics" }).fill(topic);
    await page.getByRole("checkbox", { name: topic }).check();
    await page.getByRole("button", { name: "Read 1 draft" }).click();

    // (2) The draft: Kafka's values, a schema inferred from the sampled readings; owner and layer set here.
    const draft = page.getByTestId("import-draft");
    await expect(draft).toContainText(`${READINGS.length} messages sampled`);
    const inferred = draft.getByRole("textbox", { name: /Value schema/ });
    await expect(inferred).toHaveValue(/"value"/);
    await page.getByRole("button", { name: "Save 1 definition" }).click();
    await expect(draft.getByText("Name an owner: the team or person to ask about this topic.")).toBeVisible();
    await draft.getByRole("textbox", { name: "Owner" }).fill("sensors team");
    await draft.getByRole("combobox", { name: "Layer" }).selectOption({ label: "Raw data" });
    await page.getByRole("button", { name: "Save 1 definition" }).click();

    // (3) The definition page: layer, owner, version 1 of the schema.
    await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
    await expect(page.getByTestId("definition-layer")).toHaveText("Raw data");
    await expect(page.getByTestId("definition-owner")).toHaveText("sensors team");
    await expect(page.getByTestId("schema-version")).toHaveCount(1);

    // (4) Edit: retention 1 day instead of the broker's 7, and no compatibility rule for the schema.
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit the definition" });
    await form.getByRole("textbox", { name: "Retention time amount" }).fill("1");
    await form.getByRole("combobox", { name: "Retention time unit" }).selectOption("d");
    await form.getByRole("combobox", { name: "Schema compatibility" }).selectOption("none");
    await form.getByRole("button", { name: "Save definition" }).click();
    await expect(form).toHaveCount(0);
    await expect(page.locator('[data-config="retention.ms"]')).toContainText("86400000");

    // (5) Tighten the schema: readings above 50 now break it.
    await tightenSchema(page);
    await expect(page.getByTestId("schema-check")).toContainText("Compiles");
    await page.getByRole("button", { name: "Save as version 2" }).click();
    await expect(page.getByTestId("schema-version")).toHaveCount(2);

    // (6) Conformance: the share that match, and examples of those that do not, with path and rule.
    const conformance = page.getByTestId("conformance-panel");
    await conformance.getByRole("button", { name: "Check now" }).click();
    const matching = READINGS.length - ABOVE_50;
    await expect(conformance.getByTestId("conformance-share")).toContainText(
      `${READINGS.length} sampled values match version 2 (${matching} match, ${ABOVE_50} do not)`,
    );
    const examples = conformance.getByTestId("conformance-example");
    await expect(examples.first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("definition.png"), fullPage: true });
    await expect(examples.first()).toContainText("maximum");
    await expect(examples.first()).toContainText("value");

    // (7) Drift: the definition says 1 day, Kafka holds 7.
    const drift = page.getByTestId("drift-panel");
    await expect(drift).toContainText("drifted 1 field");
    const retentionDrift = drift.locator('[data-testid=drift-field][data-field="configs.retention.ms"]');
    await expect(retentionDrift).toContainText("86400000");
    await expect(retentionDrift).toContainText("604800000");

    // (8) The plan says what applying would do before anything happens; apply it.
    await drift.getByRole("link", { name: "Plan changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Plan changes" })).toBeVisible();
    const step = page.getByRole("list", { name: "Planned steps" }).getByTestId("plan-step");
    await expect(step).toHaveCount(1);
    await expect(step).toContainText(`Set retention.ms of ${topic}`);
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Apply 1 change" }).click();
    const progress = page.getByTestId("apply-progress");
    await expect(progress).toHaveAttribute("data-state", "finished");
    await expect(progress.getByTestId("plan-step")).toHaveAttribute("data-status", "done");
    await expect(progress).toContainText("Applied 1 step.");
    await page.screenshot({ path: test.info().outputPath("plan-applied.png"), fullPage: true });
    // A broker applies an altered config a moment after the controller confirms it; the plan is read again until then.
    await expect(page.getByText("No changes: Kafka holds what the definitions say.")).toBeVisible({ timeout: 20_000 });

    // (9) The drift is gone, on the definition page and on the topic page's card.
    await page.getByRole("link", { name: topic }).click();
    await expect(page.getByTestId("drift-panel")).toContainText("in sync");
    await expect(page.getByTestId("drift-panel")).toContainText("Kafka holds what the definition says.");
    await page.getByRole("link", { name: "Open the topic" }).click();
    const card = page.getByTestId("definition-card");
    await expect(card).toContainText("Raw data");
    await expect(card).toContainText("sensors team");
    await expect(card).toContainText("in sync");

    // (10) The catalogue lists it under Raw data, found by its owner.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalogue" }).click();
    await page.getByRole("searchbox", { name: "Search definitions by name, owner or tag" }).fill("sensors team");
    await expect(page).toHaveURL(/[?&]q=sensors/);
    const row = page.locator(`[data-testid=definition-row][data-topic="${topic}"]`);
    await expect(row).toBeVisible();
    await expect(page.locator('[data-testid=layer-group][data-layer="raw"]')).toContainText(topic);
    await expect(row.getByTestId("drift-cell")).toHaveText("in sync");
    await expect(row.getByTestId("conformance-cell")).toContainText(`of ${READINGS.length} match`);
    await page.screenshot({ path: test.info().outputPath("catalogue.png"), fullPage: true });
  } finally {
    await trpcMutation(page, "definitions.remove", { clusterId, topicName: topic });
    await withOutsideAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
