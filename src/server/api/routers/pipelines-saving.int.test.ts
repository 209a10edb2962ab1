import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { savePipeline } from "~/server/services/pipelines/pipelines-service";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { chainDocument, refusal } from "../../../../test/pipeline-fixtures";

const operator = callerAs("operator");
const admin = callerAs("admin");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-pipesave-${Date.now().toString(36)}`;
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

  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const pipeline = await created(`${prefix} race`);
    const save = (caller: typeof operator, predicate: string) =>
      caller.pipelines.save({
        ...ref(pipeline),
        baseVersion: 1,
        document: chain(`${prefix} race`, { predicate }),
        cause: "save",
      });
    const outcomes = await Promise.allSettled([save(operator, "value > 1"), save(admin, "value > 2")]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT" });
    const after = await viewer.pipelines.get(ref(pipeline));
    expect(after).toMatchObject({ version: 2, revision: 2 });
    expect(await viewer.pipelines.revisions(ref(pipeline))).toHaveLength(2);
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
