import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { ZPipelineDocument, type TPipelineDocumentInput } from "~/domain/pipelines/document";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { findPipeline, listRevisionRows } from "~/server/db/pipelines";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { savePipeline } from "~/server/services/pipelines/pipelines-service";
import { actorAs, callerAs } from "../../../../test/caller-as";

const operator = callerAs("operator");
const admin = callerAs("admin");
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

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const position = { x: 0, y: 0 };
const topic = (id: string, topicName: string) => ({ id, kind: "topic" as const, position, config: { topicName } });
const filter = (id: string, predicate: string) => ({ id, kind: "filter" as const, position, config: { predicate } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

/** raw → keep-hot → hot, and with `cycle` a second filter writing hot back into raw. */
function chain(name: string, options: { cycle?: boolean; predicate?: string } = {}) {
  const input: TPipelineDocumentInput = {
    name,
    settings: { deadLetterTopic: `${prefix}-dead` },
    nodes: [
      topic("raw", `${prefix}-raw`),
      filter("keep-hot", options.predicate ?? "value > 90"),
      topic("hot", `${prefix}-hot`),
      ...(options.cycle ? [filter("back", "true")] : []),
    ],
    edges: [
      edge("raw", "keep-hot"),
      edge("keep-hot", "hot"),
      ...(options.cycle ? [edge("hot", "back"), edge("back", "raw")] : []),
    ],
  };
  return ZPipelineDocument.parse(input);
}

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

describe("pipelines: saving", () => {
  it("refuses a second editor's stale save as a conflict naming who saved, and keeps the first save", async () => {
    const pipeline = await created(`${prefix} conflict`);
    const first = chain(`${prefix} conflict`);
    const saved = await admin.pipelines.save({ ...ref(pipeline), baseVersion: 1, document: first, cause: "save" });
    expect(saved.version).toBe(2);

    const stale = operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: 1,
      document: chain(`${prefix} conflict`, { predicate: "value > 50" }),
      cause: "save",
    });
    const refused = await refusal(stale);
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(
      /^Test admin changed this pipeline at \d\d:\d\d UTC, .* ago, after this editor opened it\.$/,
    );
    expect((await operator.pipelines.get(ref(pipeline))).document).toEqual(first);
  });

  it("folds one author's autosaves into their revision, and starts a new one on save, another author or 10 minutes", async () => {
    const pipeline = await created(`${prefix} autosave`);
    const name = `${prefix} autosave`;
    const autosave = (baseVersion: number, predicate: string, caller = operator) =>
      caller.pipelines.save({ ...ref(pipeline), baseVersion, document: chain(name, { predicate }), cause: "autosave" });

    const a = await autosave(1, "value > 1");
    const b = await autosave(a.version, "value > 2");
    expect([a.revision, b.revision, b.version]).toEqual([2, 2, 3]);
    const folded = await operator.pipelines.revision({ ...ref(pipeline), revision: 2 });
    expect(folded.document).toEqual(chain(name, { predicate: "value > 2" }));

    const saved = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: b.version,
      document: chain(name),
      cause: "save",
    });
    expect(saved.revision).toBe(3);
    const c = await autosave(saved.version, "value > 3");
    expect(c.revision).toBe(4);
    const byAdmin = await autosave(c.version, "value > 4", admin);
    expect(byAdmin.revision).toBe(5);

    const operatorActor = { actor: await actorAs("operator") };
    const d = await savePipeline(operatorActor, {
      ...ref(pipeline),
      baseVersion: byAdmin.version,
      document: chain(name, { predicate: "value > 5" }),
      cause: "autosave",
    });
    expect(d.revision).toBe(6);
    const elevenMinutesLater = new Date(Date.now() + 11 * 60_000);
    const e = await savePipeline(
      operatorActor,
      {
        ...ref(pipeline),
        baseVersion: d.version,
        document: chain(name, { predicate: "value > 6" }),
        cause: "autosave",
      },
      { now: elevenMinutesLater },
    );
    expect(e.revision).toBe(7);

    // Only the writes that started a revision are in the audit trail (not the fold of revision 2).
    const rows = (await listAuditEvents({ clusterId: cluster.id, action: "pipeline.save", take: 100 })).filter(
      (row) => row.target === name,
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.outcome === "ok")).toBe(true);
  });

  it("restores an earlier revision as a new one that says where it came from", async () => {
    const pipeline = await created(`${prefix} restore`);
    const name = `${prefix} restore`;
    const two = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: 1,
      document: chain(name),
      cause: "save",
    });
    const three = await operator.pipelines.save({
      ...ref(pipeline),
      baseVersion: two.version,
      document: chain(name, { predicate: "value < 0" }),
      cause: "save",
    });
    const restored = await operator.pipelines.restore({ ...ref(pipeline), revision: 2, baseVersion: three.version });
    expect(restored).toMatchObject({ revision: 4, version: 4, document: chain(name) });
    const [newest] = await viewer.pipelines.revisions(ref(pipeline));
    expect(newest).toMatchObject({ revision: 4, cause: "restore", restoredFrom: 2, createdBy: "Test operator" });
    const stale = operator.pipelines.restore({ ...ref(pipeline), revision: 1, baseVersion: three.version });
    expect(await refusal(stale)).toMatchObject({ code: "CONFLICT" });
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
