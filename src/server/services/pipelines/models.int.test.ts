import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as uploadRoute } from "~/app/api/pipelines/models/route";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import type { Role } from "~/server/auth/permissions";
import { getDb } from "~/server/db/client";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { actorAs, callerAs, signedInAs } from "../../../../test/caller-as";
import { linearOnnxModel } from "../../../../test/onnx-model";
import { telemetryChain } from "./dry-run/pipelines.test-support";
import { closeDryRunPool } from "./dry-run/worker-pool";

/** ONNX models: uploaded through the route as the inspector does, checked by onnxruntime, run by a model step. */
const brokers = inject("kafkaBrokers");
const prefix = `int-models-${Date.now().toString(36)}`;
const topics = { raw: `${prefix}-raw`, clean: `${prefix}-clean`, results: `${prefix}-results`, dead: `${prefix}-dead` };
let cluster: TCluster;

type TUploadAnswer = { model?: TPipelineModel; error?: { message: string; hint: string | null } };

async function upload(
  role: Role,
  fields: { name: string; file: Uint8Array; description?: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TUploadAnswer }> {
  const { cookie } = await signedInAs(role);
  const host = serverAllowedHosts()[0]!;
  const form = new FormData();
  form.set("name", fields.name);
  if (fields.description) form.set("description", fields.description);
  form.set("file", new Blob([new Uint8Array(fields.file)]), "model.onnx");
  const request = new Request(`http://${host}/api/pipelines/models`, {
    method: "POST",
    body: form,
    headers: {
      host,
      origin: `http://${host}`,
      "sec-fetch-site": "same-origin",
      "x-tributary-request": "1",
      cookie,
      ...headers,
    },
  });
  const response = await uploadRoute(request);
  return { status: response.status, body: (await response.json()) as TUploadAnswer };
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  for (const name of Object.values(topics)) {
    await createTopic(cluster, { name, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
  await withProducer(cluster, (producer) =>
    producer.send({
      topic: topics.raw,
      messages: [1, 2, 3].map((value) => ({ key: "server-1-cpu", value: JSON.stringify({ value, load: value * 10 }) })),
    }),
  );
});

afterAll(async () => {
  closeDryRunPool();
  await getDb().pipelineModel.deleteMany({ where: { name: { startsWith: prefix } } });
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("ONNX models", () => {
  it("uploads a model, reads its inputs and outputs, and runs it in a model step", async () => {
    const bytes = linearOnnxModel([0.5, 2], 1);
    const { status, body } = await upload("operator", {
      name: `${prefix} linear`,
      file: bytes,
      description: "x·W + b",
    });
    expect(status).toBe(201);
    const model = body.model!;
    expect(model).toMatchObject({
      name: `${prefix} linear`,
      description: "x·W + b",
      sizeBytes: bytes.byteLength,
      inputs: [{ name: "x", type: "float32", dims: [1, 2] }],
      outputs: [{ name: "score", type: "float32", dims: [1, 1] }],
    });
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await callerAs("viewer").pipelines.models()).toContainEqual(expect.objectContaining({ id: model.id }));
    const audit = await getDb().auditEvent.findFirst({
      where: { actor: (await actorAs("operator")).id, action: "pipeline-model.upload", target: model.name },
    });
    expect(audit?.outcome).toBe("ok");

    const document = telemetryChain(topics, { type: "onnx", modelId: model.id, inputs: ["value", "load"] });
    const result = await callerAs("viewer").pipelines.dryRun({
      clusterId: cluster.id,
      document,
      source: { type: "latest", perTopic: 10 },
    });
    expect(result.nodes.score).toMatchObject({ received: 3, emitted: 3, deadLettered: 0, errors: [] });
    const scores = result.edges["score-to-results"]!.records.map((record) => {
      const value = record.value as { value: number; load: number; model: { score: number[] } };
      return [value.value, value.model.score[0]!];
    });
    // score = 0.5 · value + 2 · load + 1
    expect(scores).toEqual([
      [1, 21.5],
      [2, 42],
      [3, 62.5],
    ]);
  });

  it("refuses a file that is not a model, a taken name, a viewer, and a page without the request header", async () => {
    const notModel = await upload("operator", {
      name: `${prefix} text`,
      file: new TextEncoder().encode("hello, model?"),
    });
    expect(notModel.status).toBe(400);
    expect(notModel.body.error!.message).toMatch(/not an ONNX model/);

    const first = await upload("operator", { name: `${prefix} twice`, file: linearOnnxModel([1], 0) });
    expect(first.status).toBe(201);
    const again = await upload("operator", { name: `${prefix} twice`, file: linearOnnxModel([2], 0) });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toContain("exists already");

    const byViewer = await upload("viewer", { name: `${prefix} viewer`, file: linearOnnxModel([1], 0) });
    expect(byViewer.status).toBe(403);
    const scripted = await upload(
      "operator",
      { name: `${prefix} scripted`, file: linearOnnxModel([1], 0) },
      { "x-tributary-request": "0" },
    );
    expect(scripted.status).toBe(403);
    expect(scripted.body.error!.message).toContain("x-tributary-request");
  });

  it("refuses a file over the size limit with a sentence", async () => {
    const tooLarge = await upload("operator", { name: `${prefix} big`, file: new Uint8Array(21 * 1024 * 1024) });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error!.message).toMatch(/accepts models up to 20\.0 MiB/);
  });

  it("removes a model; a step naming it then says so", async () => {
    const { body } = await upload("operator", { name: `${prefix} gone`, file: linearOnnxModel([1, 1], 0) });
    const model = body.model!;
    await callerAs("operator").pipelines.removeModel({ modelId: model.id });
    expect(await callerAs("viewer").pipelines.models()).not.toContainEqual(expect.objectContaining({ id: model.id }));
    await expect(callerAs("operator").pipelines.removeModel({ modelId: model.id })).rejects.toThrow(/does not exist/);

    const result = await callerAs("viewer").pipelines.dryRun({
      clusterId: cluster.id,
      document: telemetryChain(topics, { type: "onnx", modelId: model.id, inputs: ["value", "load"] }),
      source: { type: "latest", perTopic: 10 },
    });
    expect(result.nodes.score!.errors.join(" ")).toMatch(/no longer exists/);
  });
});
