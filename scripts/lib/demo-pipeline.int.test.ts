import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "../../src/domain/cluster";
import { deleteClusterRecord, upsertClusterByName } from "../../src/server/db/clusters";
import { findDeployment } from "../../src/server/db/pipeline-deployments";
import { listDefinitions } from "../../src/server/db/topic-definitions";
import { disconnectCluster } from "../../src/server/kafka/client-registry";
import { saveDefinition } from "../../src/server/services/definitions/definitions-service";
import { getPipeline, listPipelines } from "../../src/server/services/pipelines/pipelines-service";
import { stopDeployment } from "../../src/server/services/runtime/deploy-service";
import { DEMO_ACTOR, DEMO_PIPELINE_NAME, deployDemoPipelineOnce, ensureDemoDesigns } from "./demo-pipeline";

let cluster: TCluster;
const kafka = new kafkajs.Kafka({ brokers: inject("kafkaBrokers").split(","), logLevel: kafkajs.logLevel.NOTHING });
/** The demo's names are fixed (they are the seeds'): whatever the deploy made is deleted afterwards. */
const isDemoTopic = (topic: string, slug: string) =>
  topic.startsWith("telemetry.") || topic.startsWith(`tributary.${slug}.`);
let deployedSlug: string | null = null;

beforeAll(async () => {
  cluster = await upsertClusterByName(`int-demo-designs-${Date.now().toString(36)}`, inject("kafkaBrokers"));
});

afterAll(async () => {
  await deleteClusterRecord(cluster.id);
  await disconnectCluster(cluster.id);
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (deployedSlug !== null) {
      const slug = deployedSlug;
      const topics = (await admin.listTopics()).filter((topic) => isDemoTopic(topic, slug));
      await admin.deleteTopics({ topics }).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
});

describe("demo designs", () => {
  it("defines the template's telemetry topics and adds its pipeline once, keeping what a user changed", async () => {
    // A user already described telemetry.raw their way: the demo leaves it alone.
    await saveDefinition(DEMO_ACTOR, {
      clusterId: cluster.id,
      definition: {
        topicName: "telemetry.raw",
        layer: "raw",
        owner: "sensor-team",
        description: "",
        tags: [],
        keyDescription: "",
        partitions: 6,
        replicationFactor: 1,
        configs: {},
        schemaFormat: null,
        compatibility: "backward",
        produceValidation: "refuse",
      },
    });

    const added = await ensureDemoDesigns({ clusterId: cluster.id });
    expect(added).toEqual([
      "the definition of telemetry.clean",
      "the definition of telemetry.anomalies",
      "the definition of telemetry.dead-letter",
      `the pipeline ${DEMO_PIPELINE_NAME}`,
    ]);
    const definitions = await listDefinitions(cluster.id);
    expect(definitions.map((definition) => [definition.topicName, definition.layer, definition.owner])).toEqual([
      ["telemetry.anomalies", "results", "telemetry-team"],
      ["telemetry.clean", "clean", "telemetry-team"],
      ["telemetry.dead-letter", "raw", "telemetry-team"],
      ["telemetry.raw", "raw", "sensor-team"],
    ]);
    expect(definitions.find((definition) => definition.topicName === "telemetry.clean")?.keyDescription).toBe(
      "stream id: `server-<n>-<metric>`",
    );
    const pipelines = await listPipelines({ clusterId: cluster.id });
    expect(pipelines).toEqual([
      expect.objectContaining({ name: DEMO_PIPELINE_NAME, sources: ["telemetry.raw"], sinks: ["telemetry.anomalies"] }),
    ]);

    expect(await ensureDemoDesigns({ clusterId: cluster.id })).toEqual([]);
    expect(await listPipelines({ clusterId: cluster.id })).toHaveLength(1);
  });

  it("marks the demo pipeline ready and deploys it once, its topics made from their definitions; a stop is kept", async () => {
    const first = await deployDemoPipelineOnce({ clusterId: cluster.id });
    expect(first).toMatchObject({
      name: DEMO_PIPELINE_NAME,
      clusterId: cluster.id,
      isNew: true,
      desiredState: "running",
    });
    const pipeline = await getPipeline({ clusterId: cluster.id, pipelineId: first!.pipelineId });
    expect(pipeline.status).toBe("ready");
    const deployment = await findDeployment(pipeline.id);
    expect(deployment).toMatchObject({ revision: pipeline.revision, desiredState: "running", deployedBy: "Demo data" });
    deployedSlug = deployment!.slug;

    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({
        topics: ["telemetry.raw", "telemetry.clean", "telemetry.anomalies", "telemetry.dead-letter"],
      });
      const partitions = metadata.topics.map((topic) => [topic.name, topic.partitions.length]);
      expect(partitions.sort()).toEqual([
        ["telemetry.anomalies", 6],
        ["telemetry.clean", 6],
        ["telemetry.dead-letter", 6],
        ["telemetry.raw", 6],
      ]);
    } finally {
      await admin.disconnect();
    }

    // Someone stops it; the next npm start leaves it stopped instead of deploying it again.
    await stopDeployment(DEMO_ACTOR, { clusterId: cluster.id, pipelineId: pipeline.id });
    const again = await deployDemoPipelineOnce({ clusterId: cluster.id });
    expect(again).toMatchObject({ isNew: false, desiredState: "stopped" });
    expect((await findDeployment(pipeline.id))?.generation).toBe(deployment!.generation + 1);
  });
});
