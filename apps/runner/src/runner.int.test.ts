import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import {
  HEADER_ERROR,
  HEADER_PIPELINE,
  HEADER_REVISION,
  HEADER_SOURCE_OFFSET,
  HEADER_SOURCE_PARTITION,
  HEADER_SOURCE_TOPIC,
  HEADER_STEP,
  changelogTopic,
  stepGroupId,
} from "~/domain/pipelines/runtime/naming";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { setDesiredState, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { listMembers, type TMemberRow } from "~/server/db/pipeline-runners";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { describeGroups } from "~/server/kafka/groups/describe-groups";
import { deleteGroup } from "~/server/kafka/groups/offsets-admin";
import { startRunner, type TRunner } from "./runner";
import {
  createTopics,
  deleteTopics,
  deployNew,
  produce,
  readTopic,
  redeploy,
  telemetryTemplate,
  type TReadRecord,
} from "./runner.test-support";

/**
 * The runner in this process against the real broker and database: the seeds' chain deployed,
 * redeployed with one step changed, and stopped. Every wait is on something a user would see
 * (records in a topic, member rows), polled.
 */
const brokers = inject("kafkaBrokers");
const prefix = `int-runner-${Date.now().toString(36)}`;
const topics = {
  raw: `${prefix}.raw`,
  clean: `${prefix}.clean`,
  anomalies: `${prefix}.anomalies`,
  dead: `${prefix}.dead-letter`,
};
const STREAMS = 10;
const RECORDS = 500;
/** Every 10th record is not JSON: the clean step dead-letters it. */
const isMalformed = (index: number) => index % 10 === 7;
const MALFORMED_VALUE = (index: number) => `{ reading ${index} was cut off`;
const VALID = Array.from({ length: RECORDS }, (_, index) => index).filter((index) => !isMalformed(index)).length;

let cluster: TCluster;
let runner: TRunner | null = null;
let deployment: TDeploymentRow;
const lines: string[] = [];

const membersOf = async (nodeId: string): Promise<TMemberRow[]> =>
  (await listMembers(deployment.id)).filter((member) => member.nodeId === nodeId);

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await createTopics(cluster, [topics.raw, topics.clean, topics.anomalies], 3);
  await createTopics(cluster, [topics.dead], 1);
  await produce(
    cluster,
    topics.raw,
    Array.from({ length: RECORDS }, (_, index) => {
      const server = `server-${index % STREAMS}`;
      const reading = { server, metric: "cpu", value: 40 + (index % 7), unit: "percent", seq: index };
      return { key: `${server}-cpu`, value: isMalformed(index) ? MALFORMED_VALUE(index) : JSON.stringify(reading) };
    }),
  );
  deployment = await deployNew(cluster, telemetryTemplate(prefix, `${prefix} chain`));
  runner = await startRunner({ log: (line) => lines.push(line) });
});

afterAll(async () => {
  await runner?.stop();
  for (const nodeId of ["clean-1", "model-1"]) {
    await deleteGroup(cluster, stepGroupId(deployment.slug, nodeId)).catch(() => undefined);
  }
  await deleteTopics(cluster, [...Object.values(topics), changelogTopic(deployment.slug, "model-1")]);
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("a runner running the seeds' chain", () => {
  it("cleans, scores and dead-letters every record, stamping each with the pipeline, revision and step", async () => {
    // A ceiling, not a timing claim: on a broker started a moment ago the first join may be
    // refused while the coordinator loads its groups, and the member tries again after 5 s.
    await expect.poll(async () => (await readTopic(cluster, topics.anomalies)).length, { timeout: 45_000 }).toBe(VALID);
    const clean = await readTopic(cluster, topics.clean);
    const scored = await readTopic(cluster, topics.anomalies);
    const dead = await readTopic(cluster, topics.dead);
    expect([clean.length, scored.length, dead.length]).toEqual([VALID, VALID, RECORDS - VALID]);

    const origin = (records: TReadRecord[]) =>
      new Set(
        records.map((r) => `${r.headers[HEADER_PIPELINE]} ${r.headers[HEADER_REVISION]} ${r.headers[HEADER_STEP]}`),
      );
    expect(origin(clean)).toEqual(new Set([`${deployment.pipelineId} 1 clean-1`]));
    expect(origin(scored)).toEqual(new Set([`${deployment.pipelineId} 1 model-1`]));
    expect(origin(dead)).toEqual(new Set([`${deployment.pipelineId} 1 clean-1`]));

    // The value became a number, each stream id kept its key, and the model added its score.
    const first = JSON.parse(scored.find((r) => r.key === "server-3-cpu")!.value!) as Record<string, unknown>;
    expect(first).toMatchObject({ server: "server-3", metric: "cpu", zscore: { z: null, anomaly: false } });
    expect(new Set(scored.map((r) => (JSON.parse(r.value!) as { seq: number }).seq)).size).toBe(VALID);

    const raw = await readTopic(cluster, topics.raw);
    for (const letter of dead) {
      expect(letter.headers[HEADER_ERROR]).toMatch(/malformed|cannot be cleaned/i);
      expect(letter.headers[HEADER_SOURCE_TOPIC]).toBe(topics.raw);
      const source = raw.find(
        (r) =>
          r.partition === Number(letter.headers[HEADER_SOURCE_PARTITION]) &&
          r.offset === BigInt(letter.headers[HEADER_SOURCE_OFFSET]!),
      );
      // The dead letter carries the original bytes, so a replay after a fix reads what the step read.
      expect({ key: letter.key, value: letter.value }).toEqual({ key: source?.key, value: source?.value });
    }
  }, 90_000);

  it("reports each step's member as running with all input partitions between them", async () => {
    for (const nodeId of ["clean-1", "model-1"]) {
      await expect
        .poll(async () => (await membersOf(nodeId)).map((m) => [m.state, m.partitions.join(",")]))
        .toEqual([["running", "0,1,2"]]);
    }
    // The heartbeat reports the totals every 2 s: poll until it has told of the whole input.
    await expect
      .poll(async () => (await membersOf("clean-1"))[0])
      .toMatchObject({ consumed: RECORDS, produced: VALID, deadLettered: RECORDS - VALID, portCounts: { out: VALID } });
  });

  it("restarts only the step whose definition changed on a redeploy", async () => {
    const [cleanBefore] = await membersOf("clean-1");
    const [modelBefore] = await membersOf("model-1");
    const document = telemetryTemplate(prefix, `${prefix} chain`);
    const changed = {
      ...document,
      nodes: document.nodes.map((node) =>
        node.kind === "model" && node.config.method.type === "zscore"
          ? { ...node, config: { ...node.config, method: { ...node.config.method, threshold: 2 } } }
          : node,
      ),
    };
    await redeploy(cluster, deployment.pipelineId, changed, 2);

    await expect
      .poll(async () =>
        (await membersOf("model-1")).map((m) => [m.revision, m.state, m.memberId !== modelBefore?.memberId]),
      )
      .toEqual([[2, "running", true]]);
    const [cleanAfter] = await membersOf("clean-1");
    // The same member of the clean step's group, still running, now saying revision 2.
    expect(cleanAfter).toMatchObject({ revision: 2, state: "running", memberId: cleanBefore?.memberId });
    expect(lines.some((line) => line.includes("clean-1") && line.includes("unchanged in revision 2"))).toBe(true);
  });

  it("stops every member on stop: the rows say stopped and the step's groups are empty", async () => {
    await setDesiredState(deployment.pipelineId, "stopped");
    await expect
      .poll(async () => (await listMembers(deployment.id)).map((m) => `${m.nodeId} ${m.state}`).sort())
      .toEqual(["clean-1 stopped", "model-1 stopped"]);
    const groups = await describeGroups(cluster, [
      stepGroupId(deployment.slug, "clean-1"),
      stepGroupId(deployment.slug, "model-1"),
    ]);
    expect(groups.map((group) => group.members.length)).toEqual([0, 0]);
  });
});
