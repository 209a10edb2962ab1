import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { findPipeline, listRevisionRows } from "~/server/db/pipelines";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { callerAs } from "../../../../test/caller-as";
import { chainDocument, refusal } from "../../../../test/pipeline-fixtures";

const operator = callerAs("operator");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-pipes-${Date.now().toString(36)}`;
let cluster: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
});

afterAll(async () => {
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

const chain = (name: string, options?: Parameters<typeof chainDocument>[2]) => chainDocument(prefix, name, options);

async function created(name: string): Promise<TPipelineDetail> {
  return operator.pipelines.create({ clusterId: cluster.id, name });
}

const ref = (pipeline: TPipelineDetail) => ({ clusterId: cluster.id, pipelineId: pipeline.id });

describe("pipelines: create, get, list", () => {
  it("creates a blank draft at version 1 and revision 1, lists it with its topics once saved", async () => {
    const pipeline = await created(`${prefix} list`);
    expect(pipeline).toMatchObject({ status: "draft", version: 1, revision: 1, createdBy: "Test operator" });
    expect(pipeline.document).toMatchObject({ name: `${prefix} list`, nodes: [], edges: [] });
    expect(await viewer.pipelines.get(ref(pipeline))).toEqual(pipeline);

    await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: 1,
      document: chain(`${prefix} list`),
      cause: "save",
    });
    const listed = await viewer.pipelines.list({ clusterId: cluster.id });
    expect(listed.find((summary) => summary.id === pipeline.id)).toMatchObject({
      name: `${prefix} list`,
      status: "draft",
      nodeCount: 3,
      sources: [`${prefix}-raw`],
      sinks: [`${prefix}-hot`],
      version: 2,
      updatedBy: "Test operator",
    });
    const revisions = await viewer.pipelines.revisions(ref(pipeline));
    expect(revisions.map((revision) => [revision.revision, revision.cause, revision.nodeCount])).toEqual([
      [2, "save", 3],
      [1, "create", 0],
    ]);
  });

  it("starts from the seeds' template: the raw → clean → anomalies chain with the template's description", async () => {
    const pipeline = await operator.pipelines.create({
      clusterId: cluster.id,
      name: `${prefix} seeds`,
      template: "telemetry-anomalies",
    });
    expect(pipeline.document.name).toBe(`${prefix} seeds`);
    expect(pipeline.document.description).toMatch(/telemetry\.raw/);
    const listed = (await viewer.pipelines.list({ clusterId: cluster.id })).find((entry) => entry.id === pipeline.id);
    expect(listed).toMatchObject({ sources: ["telemetry.raw"], sinks: ["telemetry.anomalies"] });
    expect(listed?.nodeCount).toBeGreaterThanOrEqual(5);
  });

  it("refuses a second pipeline of the same name on the cluster, and a name the document does not allow", async () => {
    await created(`${prefix} twin`);
    expect(await refusal(created(`${prefix} twin`))).toEqual({
      code: "CONFLICT",
      message: `This cluster already has a pipeline named ${prefix} twin.`,
    });
    expect(await refusal(created("no/slashes"))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets a viewer read but not create or save", async () => {
    const pipeline = await created(`${prefix} viewer`);
    expect(await viewer.pipelines.get(ref(pipeline))).toMatchObject({ id: pipeline.id });
    const save = viewer.pipelines.save({ ...ref(pipeline), baseVersion: 1, document: chain("x"), cause: "save" });
    expect(await refusal(save)).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(viewer.pipelines.create({ clusterId: cluster.id, name: "x" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await viewer.pipelines.get(ref(pipeline))).version).toBe(1);
  });
});

describe("pipelines: ready to deploy", () => {
  it("refuses ready while a cycle remains, with the rule's sentence, and accepts it once the cycle is gone", async () => {
    const pipeline = await created(`${prefix} ready`);
    const name = `${prefix} ready`;
    const cyclic = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: 1,
      document: chain(name, { cycle: true }),
      cause: "save",
    });
    const refused = await refusal(
      operator.pipelines.setStatus({ ...ref(pipeline), baseVersion: cyclic.version, status: "ready" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^This pipeline cannot be marked ready to deploy while it breaks a rule: .*cycle/i);
    expect((await viewer.pipelines.get(ref(pipeline))).status).toBe("draft");

    const fixed = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: cyclic.version,
      document: chain(name),
      cause: "save",
    });
    const ready = await operator.pipelines.setStatus({ ...ref(pipeline), baseVersion: fixed.version, status: "ready" });
    expect(ready).toMatchObject({ status: "ready", version: fixed.version + 1, revision: fixed.revision });
    const [statusRow] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.status", take: 1 });
    expect(statusRow).toMatchObject({
      target: name,
      outcome: "ok",
      details: { pipelineId: pipeline.id, status: "ready" },
    });

    // Saving a cycle into a ready pipeline sends it back to draft.
    const broken = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: ready.version,
      document: chain(name, { cycle: true }),
      cause: "autosave",
    });
    expect(broken.status).toBe("draft");
  });
});

describe("pipelines: the cluster", () => {
  it("refuses every change on a read-only cluster, with the cluster's sentence", async () => {
    const pipeline = await created(`${prefix} read-only`);
    await setClusterReadOnly(cluster.id, true);
    try {
      const save = operator.pipelines.save({ ...ref(pipeline), baseVersion: 1, document: chain("x"), cause: "save" });
      expect(await refusal(save)).toEqual({
        code: "FORBIDDEN",
        message: `The cluster ${cluster.name} is read-only in Tributary, so it cannot be changed from here.`,
      });
      expect(await refusal(operator.pipelines.remove(ref(pipeline)))).toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await setClusterReadOnly(cluster.id, false);
    }
    await operator.pipelines.remove(ref(pipeline));
    expect(await refusal(viewer.pipelines.get(ref(pipeline)))).toMatchObject({ code: "NOT_FOUND" });
    const audit = await listAuditEvents({ clusterId: cluster.id, take: 500 });
    const mine = audit.filter((row) => row.target === `${prefix} read-only`).map((row) => [row.action, row.outcome]);
    // Newest first: the refusals of the read-only cluster never reached the audit trail as changes.
    expect(mine).toEqual([
      ["pipeline.remove", "ok"],
      ["pipeline.create", "ok"],
    ]);
  });

  it("removes a cluster's pipelines and their revisions with the cluster", async () => {
    const doomed = await upsertClusterByName(`${prefix}-doomed`, brokers);
    const pipeline = await operator.pipelines.create({ clusterId: doomed.id, name: "goes with its cluster" });
    expect(await listRevisionRows(pipeline.id)).toHaveLength(1);
    await deleteClusterRecord(doomed.id);
    expect(await findPipeline(doomed.id, pipeline.id)).toBeNull();
    expect(await listRevisionRows(pipeline.id)).toEqual([]);
  });
});
