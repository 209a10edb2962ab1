import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { writeDeployment } from "~/server/db/pipeline-deployments";
import { insertPipeline } from "~/server/db/pipelines";
import { disconnectAllClusters, withAdmin, withMetadata, withProducer } from "~/server/kafka/client-registry";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { readTailRange } from "~/server/kafka/messages/tail-range";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { chainDocument, refusal } from "../../../../test/pipeline-fixtures";

/**
 * The dead-letter topic of a deployed pipeline, written as a runner writes it (the original key and
 * value, the tributary-* headers): listed per step with its headers read, audited as a read, and
 * replayed into the step's input topic.
 */
const viewer = callerAs("viewer");
const operator = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-deadletters-${Date.now().toString(36)}`;
const topics = { raw: `${prefix}-raw`, hot: `${prefix}-hot`, dead: `${prefix}-dead` };
const document = chainDocument(prefix, `Dead letters ${prefix}`);
let cluster: TCluster;
let ref: { clusterId: string; pipelineId: string };

const deadLetter = (index: number, step: string) => ({
  partition: index % 2,
  key: `server-${index}-cpu`,
  value: `{ malformed ${index}`,
  headers: {
    trace: `trace-${index}`,
    "tributary-pipeline": prefix,
    "tributary-revision": "1",
    "tributary-step": step,
    "tributary-error": `Record ${index} is not JSON.`,
    "tributary-source-topic": topics.raw,
    "tributary-source-partition": "1",
    "tributary-source-offset": String(1000 + index),
  },
});

/** Every record of the topic's partition, oldest first (group-less reads, as the browser does). */
async function recordsOf(topic: string, partition: number) {
  return withMetadata(cluster, async (internal) => {
    const state = (await readPartitionStates(internal, topic)).find((candidate) => candidate.partition === partition)!;
    const range = { partition, leader: state.leader!, from: state.low, to: state.high };
    return (await readTailRange(internal, topic, [range], 10_000)).records;
  });
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  for (const [name, partitions] of [
    [topics.raw, 2],
    [topics.hot, 1],
    [topics.dead, 2],
  ] as const) {
    await createTopic(cluster, { name, partitions, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
  const pipeline = await insertPipeline(cluster.id, document, "create", "vitest");
  ref = { clusterId: cluster.id, pipelineId: pipeline.id };
  await writeDeployment({ ...ref, slug: prefix, revision: 1, document, deployedBy: "vitest" });
  // Four of keep-hot's, one of a step another revision had; one at a time so timestamps order them.
  for (const [index, step] of [
    [0, "keep-hot"],
    [1, "keep-hot"],
    [2, "old-step"],
    [3, "keep-hot"],
    [4, "keep-hot"],
  ] as const) {
    await withProducer(cluster, (producer) =>
      producer.send({
        topic: topics.dead,
        messages: [{ ...deadLetter(index, step), timestamp: String(Date.now() + index) }],
      }),
    );
  }
});

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: Object.values(topics) }));
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("the dead-letter list", () => {
  it("lists a step's newest dead letters with the error, step, revision and source from their headers", async () => {
    const records = await viewer.runtime.deadLetters({ ...ref, nodeId: "keep-hot", limit: 3 });
    expect(records.map((record) => record.key)).toEqual(["server-4-cpu", "server-3-cpu", "server-1-cpu"]);
    expect(records[0]).toMatchObject({
      partition: 0,
      value: "{ malformed 4",
      error: "Record 4 is not JSON.",
      step: "keep-hot",
      revision: 1,
      source: { topic: topics.raw, partition: 1, offset: "1004" },
    });
    const all = await viewer.runtime.deadLetters({ ...ref, limit: 100 });
    expect(all.map((record) => record.step).sort()).toEqual([
      "keep-hot",
      "keep-hot",
      "keep-hot",
      "keep-hot",
      "old-step",
    ]);
  });

  it("writes one audit row per read, naming the viewer and the topic", async () => {
    await viewer.runtime.deadLetters({ ...ref, nodeId: "keep-hot", limit: 2 });
    const [row] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.dead-letters", take: 1 });
    expect(row).toMatchObject({ actor: (await actorAs("viewer")).id, target: topics.dead, outcome: "ok" });
    expect(row?.details).toMatchObject({ nodeId: "keep-hot", limit: 2, count: 2 });
  });

  it("refuses a step the deployed revision does not have", async () => {
    expect(await refusal(viewer.runtime.deadLetters({ ...ref, nodeId: "old-step", limit: 10 }))).toMatchObject({
      code: "NOT_FOUND",
      message: "The deployed revision 1 of this pipeline has no step old-step.",
    });
  });
});

describe("replaying dead letters", () => {
  it("produces every dead letter of the step into its input topic with where it came from", async () => {
    const before = (await recordsOf(topics.raw, 1)).length;
    expect(await operator.runtime.replayDeadLetters({ ...ref, nodeId: "keep-hot" })).toEqual({
      replayed: 4,
      inputTopic: topics.raw,
    });
    // Back into the partition each was read from (the source header), with its own headers only.
    const replayed = (await recordsOf(topics.raw, 1)).slice(before);
    expect(replayed.map((record) => record.key?.toString()).sort()).toEqual([
      "server-0-cpu",
      "server-1-cpu",
      "server-3-cpu",
      "server-4-cpu",
    ]);
    const four = replayed.find((record) => record.key?.toString() === "server-4-cpu")!;
    expect(four.value?.toString()).toBe("{ malformed 4");
    expect(four.headers.map((header) => [header.key, header.value?.toString()])).toEqual([
      ["trace", "trace-4"],
      ["tributary-replayed-from", "0:2"],
    ]);
    const [row] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.replay-dead-letters", take: 1 });
    expect(row).toMatchObject({ actor: (await actorAs("operator")).id, target: topics.raw, outcome: "ok" });
    expect(row?.details).toMatchObject({ nodeId: "keep-hot", replayed: 4 });
  });

  it("replays only the records picked, and refuses one that is another step's", async () => {
    const [newest] = await viewer.runtime.deadLetters({ ...ref, nodeId: "keep-hot", limit: 1 });
    const picked = [{ partition: newest!.partition, offset: newest!.offset }];
    expect(await operator.runtime.replayDeadLetters({ ...ref, nodeId: "keep-hot", records: picked })).toEqual({
      replayed: 1,
      inputTopic: topics.raw,
    });
    const [other] = (await viewer.runtime.deadLetters({ ...ref, limit: 100 })).filter(
      (record) => record.step === "old-step",
    );
    const refused = await refusal(
      operator.runtime.replayDeadLetters({
        ...ref,
        nodeId: "keep-hot",
        records: [{ partition: other!.partition, offset: other!.offset }],
      }),
    );
    expect(refused.message).toBe(
      `Record ${other!.partition}:${other!.offset} of ${topics.dead} is not a dead letter of step keep-hot still in the topic; nothing was replayed.`,
    );
  });

  it("refuses a pipeline that was never deployed", async () => {
    const other = await insertPipeline(cluster.id, chainDocument(`${prefix}-x`, `Never ${prefix}`), "create", "vitest");
    expect(
      await refusal(
        operator.runtime.replayDeadLetters({ clusterId: cluster.id, pipelineId: other.id, nodeId: "keep-hot" }),
      ),
    ).toMatchObject({
      code: "NOT_FOUND",
      message: "This pipeline has not been deployed on this cluster, so it has no dead letters.",
    });
  });
});
