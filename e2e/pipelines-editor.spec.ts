import { expect, test, type Page } from "@playwright/test";
import { clusterIdFor, signedInAs, uniqueName } from "./fixtures";
import { removePipeline } from "./pipelines-api";

test.use({ ...signedInAs("admin"), viewport: { width: 1600, height: 1000 } });

const canvasNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Drags a kind from the palette onto the canvas, with the node's corner at (x, y) of the canvas. */
async function dropKind(page: Page, label: string, x: number, y: number) {
  await page
    .getByRole("navigation", { name: "Node kinds" })
    .getByRole("button", { name: label, exact: true })
    .dragTo(page.locator(".react-flow__pane"), { targetPosition: { x, y } });
}

/** Drags from one node's output handle to another's input handle, as a user connects them. */
async function connectNodes(page: Page, from: string, to: string) {
  // Connectable output handles only: steps also carry the live overlay's hidden dead-letter handle.
  await canvasNode(page, from).locator('.react-flow__handle.source:not([data-handleid="~dead-letters"])').hover();
  await page.mouse.down();
  await canvasNode(page, to).locator(".react-flow__handle.target").hover();
  await page.mouse.up();
}

async function selectNode(page: Page, id: string) {
  await canvasNode(page, id).click();
  await expect(page.getByTestId("node-inspector")).toHaveAttribute("data-node-id", id);
}

async function nameTopic(page: Page, id: string, topic: string) {
  await selectNode(page, id);
  await page.getByTestId("node-inspector").getByRole("combobox", { name: "Topic" }).fill(topic);
  await expect(canvasNode(page, id)).toContainText(topic);
}

test("builds the seeds' chain from the palette, saves it, finds it intact after a reload, and blocks 'ready' on a cycle and an unconnected step", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clusterId = await clusterIdFor(page);
  const name = uniqueName("e2e-editor");
  // Names only: the rules ask for the definitions of these topics, which this spec does not need.
  const topics = { raw: `${name}.telemetry.raw`, clean: `${name}.telemetry.clean`, results: `${name}.anomalies` };
  let pipelineId: string | null = null;
  try {
    // (1) From the cluster navigation, a new blank pipeline.
    await page.goto(`/clusters/${clusterId}/topics`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipelines" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pipelines" })).toBeVisible();
    await page.getByRole("button", { name: "New pipeline" }).click();
    const dialog = page.getByRole("dialog", { name: "New pipeline" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("radio", { name: /Blank/ }).check();
    await dialog.getByRole("button", { name: "Create pipeline" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    pipelineId = new URL(page.url()).pathname.split("/").at(-1) ?? null;
    await expect(page.locator(".react-flow__node")).toHaveCount(0);

    // (2) Topic, clean, topic, model, topic dragged from the palette, then connected in a chain.
    await dropKind(page, "Topic", 40, 30);
    await dropKind(page, "Clean", 360, 130);
    await dropKind(page, "Topic", 40, 250);
    await dropKind(page, "Model", 360, 370);
    await dropKind(page, "Topic", 40, 490);
    await expect(page.locator(".react-flow__node")).toHaveCount(5);
    await connectNodes(page, "topic-1", "clean-1");
    await connectNodes(page, "clean-1", "topic-2");
    await connectNodes(page, "topic-2", "model-1");
    await connectNodes(page, "model-1", "topic-3");
    await expect(page.locator(".react-flow__edge")).toHaveCount(4);

    // (3) The topics named; the clean step drops malformed values and coerces `value` to a number.
    await nameTopic(page, "topic-1", topics.raw);
    await nameTopic(page, "topic-2", topics.clean);
    await nameTopic(page, "topic-3", topics.results);
    await selectNode(page, "clean-1");
    const inspector = page.getByTestId("node-inspector");
    await inspector.getByRole("checkbox", { name: "Send malformed values to the dead-letter topic" }).check();
    await inspector.getByRole("button", { name: "Add a coercion" }).click();
    await inspector.getByRole("textbox", { name: "Field", exact: true }).fill("value");
    await inspector.getByRole("combobox", { name: "To" }).selectOption("number");
    await expect(canvasNode(page, "clean-1")).toContainText("drop malformed · coerce 1");

    // (4) The model: a rolling z-score on `value`.
    await selectNode(page, "model-1");
    await inspector.getByRole("combobox", { name: "Method" }).selectOption("zscore");
    await inspector.getByRole("textbox", { name: "Field", exact: true }).fill("value");
    await inspector.getByRole("spinbutton", { name: "Anomalous when |z| exceeds" }).fill("2.5");

    // (5) Saved explicitly, then read back after a reload: the same nodes, edges and settings.
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("save-status")).toContainText("Saved");
    await page.reload();
    await expect(page.locator(".react-flow__node")).toHaveCount(5);
    await expect(page.locator(".react-flow__edge")).toHaveCount(4);
    await expect(canvasNode(page, "topic-1")).toContainText(topics.raw);
    await expect(canvasNode(page, "topic-3")).toContainText(topics.results);
    await page.goto(`${page.url().split("?")[0]}?node=clean-1`);
    await expect(inspector).toHaveAttribute("data-node-id", "clean-1");
    await expect(
      inspector.getByRole("checkbox", { name: "Send malformed values to the dead-letter topic" }),
    ).toBeChecked();
    await expect(inspector.getByRole("textbox", { name: "Field", exact: true })).toHaveValue("value");
    await expect(inspector.getByRole("combobox", { name: "To" })).toHaveValue("number");
    await selectNode(page, "model-1");
    await expect(inspector.getByRole("combobox", { name: "Method" })).toHaveValue("zscore");
    await expect(inspector.getByRole("textbox", { name: "Field", exact: true })).toHaveValue("value");
    await expect(inspector.getByRole("spinbutton", { name: "Anomalous when |z| exceeds" })).toHaveValue("2.5");

    // (6) A cycle (results back into raw) and a filter step connected to nothing: shown on their
    // nodes and in the problems list, and "Ready to deploy" is refused with the reason.
    await connectNodes(page, "topic-3", "topic-1");
    // Top right: clear of the fitted chain, the controls and the minimap.
    await dropKind(page, "Filter", 860, 10);
    await expect(canvasNode(page, "filter-1")).toContainText("has no input");
    await expect(canvasNode(page, "clean-1")).toHaveAttribute("aria-label", /is on a cycle/);
    const problems = page.getByTestId("problems-list");
    await expect(problems.locator('[data-rule="cycle"]').first()).toBeVisible();
    await expect(problems.locator('[data-rule="step-needs-input"]').first()).toBeVisible();
    const ready = page.getByRole("switch", { name: "Ready to deploy" });
    await expect(ready).toBeDisabled();
    await expect(page.getByTestId("ready-reason")).toContainText(/Fix \d+ errors? before marking it ready to deploy/);

    // Choosing a problem selects its node.
    await problems.locator('[data-rule="step-needs-input"]').first().getByRole("button").click();
    await expect(inspector).toHaveAttribute("data-node-id", "filter-1");

    // Undo twice takes the filter and the cycle away again.
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect(page.locator(".react-flow__node")).toHaveCount(5);
    await expect(page.locator(".react-flow__edge")).toHaveCount(4);
    await expect(problems.locator('[data-rule="cycle"]')).toHaveCount(0);
  } finally {
    if (pipelineId) await removePipeline(page, clusterId, pipelineId);
  }
});
