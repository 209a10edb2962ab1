import { expect, test, type Page } from "@playwright/test";
import { linearOnnxModel } from "../test/onnx-model";
import { clusterIdFor, uniqueName, withOutsideAdmin } from "./fixtures";

/**
 * The dry run's worker processes in the production build (`next start`), reached the way the
 * designer reaches them: tRPC calls and the model upload from Tributary's own page. Under vitest
 * the worker is started from source; here it must start from the built server too.
 */
async function trpcMutation<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([path, json]) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-tributary-request": "1" },
        body: JSON.stringify({ json }),
      });
      return (await response.json()) as unknown;
    },
    [procedure, input] as const,
  );
  const result = (body as { result?: { data: { json: T } }; error?: unknown }).result;
  if (!result) throw new Error(`${procedure} failed: ${JSON.stringify(body)}`);
  return result.data.json;
}

test("previews an expression, checks an uploaded ONNX model and dry-runs typed records in the worker", async ({
  page,
}) => {
  const raw = uniqueName("e2e-dryrun-raw");
  const scored = `${raw}-scored`;
  await withOutsideAdmin((admin) =>
    admin.createTopics({ topics: [{ topic: raw }, { topic: scored }], waitForLeaders: true }),
  );
  const clusterId = await clusterIdFor(page);
  await page.goto(`/clusters/${clusterId}`);

  const preview = await trpcMutation(page, "pipelines.previewExpression", {
    expression: "value * 2",
    sample: '{"value": 21}',
    result: "value",
  });
  expect(preview).toEqual({ ok: true, resultJson: "42" });

  const name = uniqueName("e2e model");
  const upload = await page.evaluate(
    async ([bytes, modelName]) => {
      const form = new FormData();
      form.set("name", modelName);
      form.set("file", new Blob([new Uint8Array(bytes)]), "model.onnx");
      const response = await fetch("/api/pipelines/models", {
        method: "POST",
        headers: { "x-tributary-request": "1" },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as { model?: { id: string; inputs: unknown } } };
    },
    [[...linearOnnxModel([2], 1)], name] as const,
  );
  expect(upload.status).toBe(201);
  expect(upload.body.model?.inputs).toEqual([{ name: "x", type: "float32", dims: [1, 1] }]);

  const document = {
    name: "e2e dry run",
    nodes: [
      { id: "raw", kind: "topic", position: { x: 0, y: 0 }, config: { topicName: raw } },
      {
        id: "score",
        kind: "model",
        position: { x: 200, y: 0 },
        config: { method: { type: "onnx", modelId: upload.body.model!.id, inputs: ["value"] } },
      },
      { id: "scored", kind: "topic", position: { x: 400, y: 0 }, config: { topicName: scored } },
    ],
    edges: [
      { id: "in", source: "raw", target: "score" },
      { id: "out", source: "score", target: "scored" },
    ],
  };
  const result = await trpcMutation<{
    stoppedEarly: string | null;
    edges: Record<string, { records: { value: { model: { score: number[] } } }[] }>;
  }>(page, "pipelines.dryRun", {
    clusterId,
    document,
    source: { type: "typed", topic: raw, records: [{ key: "server-1-cpu", value: '{"value": 20}' }] },
  });
  expect(result.stoppedEarly).toBeNull();
  // score = 2 · 20 + 1
  expect(result.edges.out!.records[0]!.value.model.score).toEqual([41]);
});
