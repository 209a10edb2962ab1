import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { clusterIdFor, uniqueName } from "./fixtures";
import { createPipeline, removePipeline, savePipeline, telemetryChain } from "./pipelines-api";

test("a threshold change shows in the revisions diff, restoring the earlier revision brings it back to the editor, and its YAML imported with a new threshold is a revision", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clusterId = await clusterIdFor(page);
  const name = uniqueName("e2e-revisions");
  const topics = {
    raw: `${name}.telemetry.raw`,
    clean: `${name}.telemetry.clean`,
    results: `${name}.telemetry.anomalies`,
    deadLetters: `${name}.telemetry.dead-letters`,
  };
  // Revision 1: created; 2: the chain with threshold 3; 3: the threshold lowered to 2.5.
  const created = await createPipeline(page, clusterId, name);
  const first = await savePipeline(page, clusterId, created, telemetryChain(name, topics, 3));
  await savePipeline(page, clusterId, first, telemetryChain(name, topics, 2.5));
  try {
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}/revisions`);
    await expect(page.getByRole("heading", { level: 1, name: `Revisions of ${name}` })).toBeVisible();
    const list = page.getByRole("list", { name: "Revisions" });
    await expect(list.getByTestId("revision-row")).toHaveCount(3);
    await expect(list.getByTestId("revision-row").first()).toContainText("Revision 3");
    await expect(list.getByTestId("revision-row").first()).toContainText("current");

    // By default: what the last save changed (revision 2 → 3), on the canvas and as a sentence.
    await expect(page.getByTestId("diff-title")).toHaveText("From revision 2 to revision 3");
    await expect(page.getByRole("list", { name: "Changes" })).toHaveText(/method\.threshold 3 → 2\.5/);
    const modelNode = page.locator('.react-flow__node[data-id="model-1"]');
    await expect(modelNode).toContainText("Changed");
    await expect(page.locator('.react-flow__node[data-id="raw"]')).not.toContainText("Changed");

    // Against the blank first revision, every node of the chain is new.
    await list.getByRole("link", { name: /Revision 1/ }).click();
    await expect(page).toHaveURL(/revision=1&against=3/);
    await expect(page.getByTestId("diff-title")).toHaveText("From revision 1 to revision 3");
    await expect(modelNode).toContainText("Added");

    // Restore revision 2 (threshold 3): a confirm, then the editor.
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}/revisions?revision=2&against=3`);
    await page.getByRole("button", { name: "Restore this revision" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore revision 2?" });
    await dialog.getByRole("button", { name: "Restore revision 2" }).click();
    await expect(page).toHaveURL(new RegExp(`/pipelines/${created.id}$`));

    // The editor shows the restored threshold on the model step.
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}?node=model-1`);
    await expect(page.getByRole("spinbutton", { name: "Anomalous when |z| exceeds" })).toHaveValue("3");

    // And the history says so: revision 4, restored from 2.
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}/revisions`);
    await expect(list.getByTestId("revision-row")).toHaveCount(4);
    await expect(list.getByTestId("revision-row").first()).toContainText("restored");
    await expect(list.getByTestId("revision-row").first()).toContainText("from revision 2");
    await expect(page.getByTestId("diff-title")).toHaveText("From revision 3 to revision 4");
    await expect(page.getByRole("list", { name: "Changes" })).toHaveText(/method\.threshold 2\.5 → 3/);

    // Pipelines as code: export the YAML, import it back with a new threshold (a bad file first).
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}`);
    // The canvas draws its nodes only once the page is hydrated, when the buttons answer clicks.
    await expect(modelNode).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export YAML" }).click();
    const exported = await readFile((await (await download).path())!, "utf8");
    expect(exported).toContain("threshold: 3\n");
    await page.getByRole("button", { name: "Import YAML" }).click();
    const importDialog = page.getByRole("dialog", { name: `Import YAML into ${name}` });
    const yaml = importDialog.getByRole("textbox", { name: "Pipeline (YAML)" });
    await yaml.fill(exported.replace("nodes:", "nodes: 3\nstray:"));
    await expect(importDialog.getByTestId("yaml-problems")).toContainText("Line");
    await expect(importDialog.getByRole("button", { name: "Replace with this file" })).toBeDisabled();
    await yaml.fill(exported.replace("threshold: 3\n", "threshold: 4\n"));
    await importDialog.getByRole("button", { name: "Replace with this file" }).click();
    await expect(importDialog).toBeHidden();
    await page.goto(`/clusters/${clusterId}/pipelines/${created.id}/revisions`);
    await expect(list.getByTestId("revision-row").first()).toContainText("imported");
    await expect(page.getByRole("list", { name: "Changes" })).toHaveText(/method\.threshold 3 → 4/);
  } finally {
    await removePipeline(page, clusterId, created.id);
  }
});
