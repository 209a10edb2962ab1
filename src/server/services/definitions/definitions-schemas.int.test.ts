import avro from "avsc";
import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TTopicDefinitionInput } from "~/domain/definitions/definition";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { callerAs } from "../../../../test/caller-as";
import { checkAllConformance } from "./conformance-worker";
import { readLiveTopics } from "./live-state";

const operator = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-schemas-${Date.now().toString(36)}`;
const jsonTopic = `${prefix}.raw`;
const avroTopic = `${prefix}-avro`;
const protoTopic = `${prefix}-proto`;
let cluster: TCluster;

const JSON_SCHEMA = JSON.stringify({
  type: "object",
  properties: { server: { type: "string" }, cpu: { type: "number", minimum: 0, maximum: 100 } },
  required: ["server", "cpu"],
});
const AVRO_SCHEMA = JSON.stringify({
  type: "record",
  name: "Reading",
  fields: [
    { name: "server", type: "string" },
    { name: "cpu", type: "double" },
  ],
});
const PROTO_SCHEMA = `syntax = "proto3";
message Reading {
  string server = 1;
  double cpu = 2;
}
`;

function definition(topicName: string, overrides: Partial<TTopicDefinitionInput> = {}): TTopicDefinitionInput {
  return { topicName, layer: "raw", owner: "telemetry-team", partitions: 2, replicationFactor: 1, ...overrides };
}

/** Confluent wire format: magic byte 0, the schema id as a big-endian int32, the payload. */
function framed(schemaId: number, payload: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}

async function produce(topic: string, values: Array<Buffer | string>) {
  await withProducer(cluster, (producer) =>
    producer.send({ topic, messages: values.map((value, index) => ({ partition: index % 2, value })) }),
  );
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  for (const name of [jsonTopic, avroTopic, protoTopic]) {
    await createTopic(cluster, { name, partitions: 2, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
  await produce(jsonTopic, [
    JSON.stringify({ server: "server-1", cpu: 12.5 }),
    JSON.stringify({ server: "server-2", cpu: 40 }),
    JSON.stringify({ server: "server-3", cpu: 99, disk: 7 }),
    // A 64-bit counter and a missing cpu: the inferred schema makes cpu optional.
    '{"server":"server-4","bytes":9007199254740993}',
  ]);
});

afterAll(async () => {
  // The background-check test deletes one already.
  const left = await readLiveTopics(cluster.id, [jsonTopic, avroTopic, protoTopic]);
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [...left.keys()] }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("definitions: imports, schema versions and conformance against real Kafka", () => {
  it("imports a topic as a draft with a JSON Schema inferred from its values, then saves it", async () => {
    const [draft] = await operator.definitions.importDrafts({ clusterId: cluster.id, topicNames: [jsonTopic] });
    expect(draft).toMatchObject({
      definition: { topicName: jsonTopic, layer: "raw", partitions: 2, replicationFactor: 1, schemaFormat: "json" },
      sampled: 4,
      note: null,
    });
    const inferred = JSON.parse(draft!.inferredSchemaText!) as Record<string, unknown>;
    expect(inferred).toMatchObject({
      type: "object",
      properties: { server: { type: "string" }, cpu: { type: "number" }, bytes: { type: "integer" } },
      required: ["server"],
    });
    const [audit] = await listAuditEvents({ clusterId: cluster.id, action: "definition.import-sample", take: 1 });
    expect(audit).toMatchObject({ target: jsonTopic, outcome: "ok" });

    await expect(
      operator.definitions.importTopics({
        clusterId: cluster.id,
        drafts: [
          { definition: { ...draft!.definition, owner: "telemetry-team" }, schemaText: draft!.inferredSchemaText },
        ],
      }),
    ).resolves.toEqual({ saved: 1 });
    const stored = await operator.definitions.get({ clusterId: cluster.id, topicName: jsonTopic });
    expect(stored?.schemaVersions.map((version) => version.version)).toEqual([1]);
    expect(stored?.drift).toMatchObject({ state: "in-sync" });
  });

  it("checks a new schema version while editing and refuses an incompatible one with its reasons", async () => {
    const check = await operator.definitions.checkSchema({
      clusterId: cluster.id,
      topicName: jsonTopic,
      format: "json",
      text: JSON_SCHEMA,
    });
    expect(check).toMatchObject({ compileError: null, previousVersion: 1 });
    const broken = await operator.definitions.checkSchema({
      clusterId: cluster.id,
      topicName: jsonTopic,
      format: "json",
      text: "{ not json",
    });
    expect(broken.compileError).toEqual(expect.any(String));

    const tightenUnder = async (compatibility: "backward" | "none") => {
      await operator.definitions.save({
        clusterId: cluster.id,
        definition: definition(jsonTopic, { schemaFormat: "json", compatibility }),
      });
      return operator.definitions.addSchemaVersion({
        clusterId: cluster.id,
        topicName: jsonTopic,
        format: "json",
        text: JSON_SCHEMA,
      });
    };
    // Backward: a reader on the new schema must read old values; the new schema requires cpu, which old values lack.
    await expect(tightenUnder("backward")).rejects.toMatchObject({
      message: expect.stringMatching(/^This schema is not backward-compatible with version 1: .*cpu/),
    });
    await expect(tightenUnder("none")).resolves.toMatchObject({ version: 2, format: "json" });
  });

  it("finds the JSON values that break the tightened schema, with path and rule", async () => {
    const result = await operator.definitions.checkConformance({
      clusterId: cluster.id,
      topicName: jsonTopic,
      perPartition: 10,
    });
    expect(result).toMatchObject({ sampled: 4, matched: 3, schemaVersion: 2, failure: null });
    expect(result.examples).toEqual([
      expect.objectContaining({ path: "/cpu", rule: "required", valuePreview: expect.stringContaining("server-4") }),
    ]);
    const detail = await operator.definitions.get({ clusterId: cluster.id, topicName: jsonTopic });
    expect(detail?.conformance).toMatchObject({ sampled: 4, matched: 3 });
  });

  it("checks Avro values, plain and in the Confluent wire format with a known schema id", async () => {
    await operator.definitions.save({
      clusterId: cluster.id,
      definition: definition(avroTopic, { schemaFormat: "avro" }),
    });
    const version = await operator.definitions.addSchemaVersion({
      clusterId: cluster.id,
      topicName: avroTopic,
      format: "avro",
      text: AVRO_SCHEMA,
    });
    const type = avro.Type.forSchema(JSON.parse(AVRO_SCHEMA) as avro.Schema);
    const reading = (server: string, cpu: number) => type.toBuffer({ server, cpu });
    await produce(avroTopic, [
      reading("server-1", 1.5),
      framed(version.id, reading("server-2", 2.5)),
      Buffer.from("not avro at all, just text that is too long"),
    ]);
    const result = await operator.definitions.checkConformance({
      clusterId: cluster.id,
      topicName: avroTopic,
      perPartition: 10,
    });
    expect(result).toMatchObject({ sampled: 3, matched: 2, failure: null });
    expect(result.examples).toHaveLength(1);
  });

  it("checks Protobuf values against the schema's message", async () => {
    await operator.definitions.save({
      clusterId: cluster.id,
      definition: definition(protoTopic, { schemaFormat: "protobuf" }),
    });
    await operator.definitions.addSchemaVersion({
      clusterId: cluster.id,
      topicName: protoTopic,
      format: "protobuf",
      text: PROTO_SCHEMA,
    });
    const Reading = protobuf.parse(PROTO_SCHEMA).root.lookupType("Reading");
    const encode = (value: Record<string, unknown>) => Buffer.from(Reading.encode(Reading.create(value)).finish());
    await produce(protoTopic, [
      encode({ server: "server-1", cpu: 10 }),
      encode({ server: "server-2", cpu: 20 }),
      // Field 1 says 16 bytes of string follow; one does.
      Buffer.from([0x0a, 0x10, 0x41]),
    ]);
    const result = await operator.definitions.checkConformance({
      clusterId: cluster.id,
      topicName: protoTopic,
      perPartition: 10,
    });
    expect(result).toMatchObject({ sampled: 3, matched: 2, failure: null });
    expect(result.examples).toEqual([expect.objectContaining({ rule: "decode" })]);
  });

  it("keeps every defined topic's conformance current in the background, and says why one cannot be checked", async () => {
    await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [protoTopic] }));
    await checkAllConformance(new AbortController().signal, 5);
    const summaries = await operator.definitions.list({ clusterId: cluster.id });
    const byName = new Map(summaries.map((summary) => [summary.topicName, summary.conformance]));
    expect(byName.get(jsonTopic)).toMatchObject({ sampled: 4, matched: 3, failure: null });
    expect(byName.get(protoTopic)).toMatchObject({
      sampled: 0,
      failure: `There is no topic named ${protoTopic} on this cluster.`,
    });
  });

  it("exports the definitions as YAML and imports the file back without changing anything", async () => {
    const exported = await operator.definitions.exportYaml({ clusterId: cluster.id });
    expect(exported.fileName).toMatch(/definitions\.yaml$/);
    expect(exported.yaml).toContain(jsonTopic);
    await expect(operator.definitions.importYaml({ clusterId: cluster.id, yaml: exported.yaml })).resolves.toEqual({
      saved: 3,
    });
    const again = await operator.definitions.exportYaml({ clusterId: cluster.id });
    expect(again.yaml).toBe(exported.yaml);
    const json = await operator.definitions.get({ clusterId: cluster.id, topicName: jsonTopic });
    expect(json?.schemaVersions.map((version) => version.version)).toEqual([1, 2]);

    await expect(
      operator.definitions.importYaml({
        clusterId: cluster.id,
        yaml: exported.yaml.replace("owner: telemetry-team", "owner: ''"),
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^Line \d+: .*owner/) });
  });

  it("refuses to switch a definition's schema format once it has versions", async () => {
    await expect(
      operator.definitions.save({
        clusterId: cluster.id,
        definition: definition(avroTopic, { schemaFormat: "protobuf" }),
      }),
    ).rejects.toMatchObject({
      message: `The schema of ${avroTopic} is Avro (version 1); a definition keeps one schema format.`,
    });
  });
});
