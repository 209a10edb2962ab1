import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { ZPipelineDocument } from "~/domain/pipelines/document";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { callerAs } from "../../../../test/caller-as";

const operator = callerAs("operator");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-pipeyaml-${Date.now().toString(36)}`;
let cluster: TCluster;
let other: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  other = await upsertClusterByName(`${prefix}-other`, brokers);
});

afterAll(async () => {
  await deleteClusterRecord(cluster.id);
  await deleteClusterRecord(other.id);
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

const position = { x: 120, y: 40 };
const document = ZPipelineDocument.parse({
  name: "sensor clean-up",
  description: "Drops malformed readings.\nSecond line: *markdown*.",
  settings: { deadLetterTopic: `${prefix}.dead`, deliveryMode: "exactly-once", instances: 3 },
  nodes: [
    { id: "raw", kind: "topic", position, config: { topicName: `${prefix}.raw` } },
    {
      id: "hot",
      kind: "filter",
      label: "Hot only",
      position,
      config: { predicate: 'value.metric = "cpu" and value.value > 90' },
    },
    { id: "clean", kind: "topic", position: { x: 400.5, y: -3 }, config: { topicName: `${prefix}.clean` } },
  ],
  edges: [
    { id: "e1", source: "raw", target: "hot" },
    { id: "e2", source: "hot", target: "clean" },
  ],
});

describe("pipelines as YAML", () => {
  it("exports a pipeline and imports it back, elsewhere and over itself, without changing the document", async () => {
    const created = await operator.pipelines.create({ clusterId: cluster.id, name: document.name });
    const saved = await operator.pipelines.save({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: 1,
      document,
      cause: "save",
    });
    const exported = await viewer.pipelines.exportYaml({ clusterId: cluster.id, pipelineId: created.id });
    expect(exported.fileName).toBe("sensor-clean-up.pipeline.yaml");
    // In the document's order, not PostgreSQL's (JSONB stores keys shortest first).
    expect(exported.yaml).toContain(
      `settings:\n  deliveryMode: exactly-once\n  deadLetterTopic: ${prefix}.dead\n  instances: 3\n  startFrom: latest\n`,
    );

    const copy = await operator.pipelines.importYaml({ clusterId: other.id, yaml: exported.yaml });
    expect(copy).toMatchObject({ status: "draft", version: 1, revision: 1, document });
    expect((await viewer.pipelines.revisions({ clusterId: other.id, pipelineId: copy.id }))[0]).toMatchObject({
      cause: "import",
    });

    const replaced = await operator.pipelines.importYaml({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: saved.version,
      yaml: exported.yaml,
    });
    expect(replaced).toMatchObject({ version: saved.version + 1, revision: 3, document });
    const again = await viewer.pipelines.exportYaml({ clusterId: cluster.id, pipelineId: created.id });
    expect(again.yaml).toBe(exported.yaml);

    const audit = await listAuditEvents({ clusterId: other.id, action: "pipeline.import", take: 10 });
    expect(audit).toEqual([expect.objectContaining({ target: document.name, outcome: "ok" })]);
  });

  it("refuses a file that is not a pipeline with its problems in one sentence, and a stale replace as a conflict", async () => {
    const bad = await refusal(operator.pipelines.importYaml({ clusterId: cluster.id, yaml: "name: x\nnodes: 3\n" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^The file is not a pipeline Tributary can read: .+/);

    const created = await operator.pipelines.create({ clusterId: cluster.id, name: `${prefix} stale` });
    const { yaml } = await viewer.pipelines.exportYaml({ clusterId: cluster.id, pipelineId: created.id });
    await operator.pipelines.save({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: 1,
      document: { ...created.document, description: "changed meanwhile" },
      cause: "save",
    });
    const stale = operator.pipelines.importYaml({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: 1,
      yaml,
    });
    expect(await refusal(stale)).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(operator.pipelines.importYaml({ clusterId: cluster.id, yaml }))).toMatchObject({
      code: "CONFLICT",
      message: `This cluster already has a pipeline named ${prefix} stale.`,
    });
  });
});
