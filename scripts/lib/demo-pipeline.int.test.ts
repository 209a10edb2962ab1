import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "../../src/domain/cluster";
import { deleteClusterRecord, upsertClusterByName } from "../../src/server/db/clusters";
import { listDefinitions } from "../../src/server/db/topic-definitions";
import { saveDefinition } from "../../src/server/services/definitions/definitions-service";
import { listPipelines } from "../../src/server/services/pipelines/pipelines-service";
import { DEMO_ACTOR, DEMO_PIPELINE_NAME, ensureDemoDesigns } from "./demo-pipeline";

let cluster: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`int-demo-designs-${Date.now().toString(36)}`, inject("kafkaBrokers"));
});

afterAll(async () => {
  await deleteClusterRecord(cluster.id);
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
});
