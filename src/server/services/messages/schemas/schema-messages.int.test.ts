import avro from "avsc";
import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TMessage } from "~/domain/messages/message";
import type { TSearchInput } from "~/domain/messages/search-query";
import { getDb } from "~/server/db/client";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { prepareExport } from "~/server/services/messages/search/export-service";
import { env } from "~/env";
import { tailMessages } from "~/server/services/messages/tail/tail-messages";
import { actorAs, callerAs } from "../../../../../test/caller-as";
import { forgetTopicSchemas, lookupTopicSchema, SCHEMA_UNREADABLE_NOTE } from "./topic-schema";

/**
 * Topics whose definitions carry Avro, Protobuf and JSON Schema value schemas, written by plain
 * avsc / protobufjs producers as another application would: browse, search, export and produce
 * see the values through the schema.
 */
const caller = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-schemas-${Date.now().toString(36)}`;
const topics = { avro: `${prefix}-avro`, proto: `${prefix}-proto`, json: `${prefix}-json`, warn: `${prefix}-warn` };
let cluster: TCluster;

const METRIC_V1 = {
  type: "record",
  name: "Metric",
  fields: [
    { name: "host", type: "string" },
    { name: "cpu", type: "double" },
    { name: "id", type: "long" },
  ],
};
const METRIC_V2 = {
  ...METRIC_V1,
  fields: [...METRIC_V1.fields, { name: "tags", type: { type: "array", items: "string" }, default: [] }],
};
const PROTO = `syntax = "proto3";
message Reading { string sensor = 1; int64 at = 2; double celsius = 3; }`;
const JSON_SCHEMA = { type: "object", properties: { cpu: { type: "number" } }, required: ["cpu"] };

const v1 = avro.Type.forSchema(METRIC_V1 as avro.Schema);
const v2 = avro.Type.forSchema(METRIC_V2 as avro.Schema);
const Reading = protobuf.parse(PROTO).root.lookupType("Reading");
let v2Id = 0;

function framed(schemaId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, payload]);
}

async function define(
  topicName: string,
  format: string,
  texts: string[],
  produceValidation = "refuse",
): Promise<number[]> {
  const definition = await getDb().topicDefinition.create({
    data: {
      clusterId: cluster.id,
      topicName,
      layer: "raw",
      owner: "telemetry-team",
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      schemaFormat: format,
      produceValidation,
      createdBy: "test",
      updatedBy: "test",
      schemaVersions: {
        create: texts.map((text, index) => ({ version: index + 1, format, text, createdBy: "test" })),
      },
    },
    include: { schemaVersions: { orderBy: { version: "asc" } } },
  });
  forgetTopicSchemas(cluster.id, topicName);
  return definition.schemaVersions.map((version) => version.id);
}

const browse = async (topic: string) =>
  (
    await caller.messages.browse({
      clusterId: cluster.id,
      topic,
      partition: "all",
      start: { kind: "earliest" },
      order: "oldest-first",
      limit: 50,
    })
  ).messages;
const decodedValues = (messages: TMessage[]) => messages.map((message) => message.value?.schema);

async function search(topic: string, query: string): Promise<TMessage[]> {
  const input: TSearchInput = {
    clusterId: cluster.id,
    topic,
    partition: null,
    kind: "jsonata",
    query,
    from: null,
    to: null,
    maxMessages: 10_000,
    maxSeconds: 60,
    maxResults: 100,
  };
  const matches: TMessage[] = [];
  for await (const event of await caller.messages.search(input)) matches.push(...event.newMatches);
  return matches;
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  for (const name of Object.values(topics)) {
    await createTopic(cluster, { name, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
  [, v2Id] = (await define(topics.avro, "avro", [JSON.stringify(METRIC_V1), JSON.stringify(METRIC_V2)])) as [
    number,
    number,
  ];
  await define(topics.proto, "protobuf", [PROTO]);
  await define(topics.json, "json", [JSON.stringify(JSON_SCHEMA)]);
  await define(topics.warn, "avro", [JSON.stringify(METRIC_V1)], "warn");
  await withProducer(cluster, async (producer) => {
    await producer.send({
      topic: topics.avro,
      messages: [
        // Written before v2, with v1 and no frame.
        { value: v1.toBuffer({ host: "web-1", cpu: 0.25, id: 1 }) },
        // Written with v2 by a Confluent serializer: the frame names v2's id.
        { value: framed(v2Id, v2.toBuffer({ host: "web-2", cpu: 0.75, id: 2, tags: ["edge", "eu"] })) },
        // Not Avro at all.
        { value: "plain text" },
      ],
    });
    await producer.send({
      topic: topics.proto,
      messages: [
        {
          value: Buffer.from(
            Reading.encode(Reading.create({ sensor: "s-1", at: 1_700_000_000_000, celsius: 21.5 })).finish(),
          ),
        },
      ],
    });
  });
});

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: Object.values(topics) }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("messages on topics with a value schema", () => {
  it("browses Avro values as JSON, plain ones with the version that reads them and frames with the version they name", async () => {
    const messages = await browse(topics.avro);
    expect(decodedValues(messages)).toEqual([
      { label: "Avro (v1)", json: '{"host":"web-1","cpu":0.25,"id":1}' },
      { label: "Avro (v2)", json: '{"host":"web-2","cpu":0.75,"id":2,"tags":["edge","eu"]}' },
      { label: "Avro (v2)", note: expect.stringContaining("Shown with the plain decoders.") as string },
    ]);
    // The raw bytes still travel, for Hex and Base64.
    expect(Buffer.from(messages[2]!.value!.base64, "base64").toString()).toBe("plain text");
  });

  it("decodes the full value of one message with the schema", async () => {
    const [, second] = await browse(topics.avro);
    const message = await caller.messages.get({
      clusterId: cluster.id,
      topic: topics.avro,
      partition: 0,
      offset: second!.offset,
    });
    expect(message.value?.schema?.json).toContain('"tags":["edge","eu"]');
  });

  it("browses Protobuf values as JSON with 64-bit integers as strings", async () => {
    expect(decodedValues(await browse(topics.proto))).toEqual([
      { label: "Protobuf (v1)", json: '{"sensor":"s-1","at":"1700000000000","celsius":21.5}' },
    ]);
  });

  it.each([
    ['value.host = "web-2"', ["1"]],
    ["value.cpu < 0.5", ["0"]],
    // A function call: judged in the worker pool, which sees the decoded JSON too.
    ['$count(value.tags[$contains($, "e")]) = 2', ["1"]],
  ])("finds Avro values with the JSONata %s", async (query, offsets) => {
    const matches = await search(topics.avro, query);
    expect(matches.map((match) => match.offset)).toEqual(offsets);
    expect(matches[0]?.value?.schema?.label).toMatch(/^Avro/);
  });

  it("exports decoded values as schema-json", async () => {
    const by = { actor: await actorAs("operator") };
    const params = new URLSearchParams({ format: "jsonl" });
    const result = await prepareExport(
      by,
      { clusterId: cluster.id, topic: topics.avro },
      params,
      new AbortController().signal,
    );
    let text = "";
    for await (const chunk of result.chunks) text += chunk;
    const lines = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { offset: string; value: string; valueEncoding: string })
      .sort((a, b) => Number(a.offset) - Number(b.offset));
    expect(lines.map((line) => line.valueEncoding)).toEqual(["schema-json", "schema-json", "utf8"]);
    expect(lines[0]!.value).toBe('{"host":"web-1","cpu":0.25,"id":1}');
  });

  it("encodes typed JSON to Avro with the newest version, and refuses a value that breaks it with the place and rule", async () => {
    const produce = (text: string, topic = topics.avro) =>
      caller.messages.produce({ clusterId: cluster.id, topic, key: null, value: { text }, headers: [], partition: 0 });
    await expect(produce('{"host": "web-3", "cpu": "high", "id": 3}')).rejects.toThrow(
      `The value does not fit the topic's Avro schema (v2) at /cpu, rule "type": "cpu" must be a double, not a string.`,
    );
    const result = await produce('{"host": "web-3", "cpu": 0.5, "id": 9223372036854775807}');
    expect(result.warning).toBeUndefined();
    const last = (await browse(topics.avro)).at(-1)!;
    expect(last.offset).toBe(result.placements[0]!.firstOffset);
    expect(last.value?.schema).toEqual({
      label: "Avro (v2)",
      json: '{"host":"web-3","cpu":0.5,"id":9223372036854775807,"tags":[]}',
    });
  });

  it("refuses a JSON value that breaks the topic's JSON Schema, and sends one that fits as typed", async () => {
    const produce = (text: string) =>
      caller.messages.produce({
        clusterId: cluster.id,
        topic: topics.json,
        key: null,
        value: { text },
        headers: [],
        partition: 0,
      });
    await expect(produce('{"cpu": "x"}')).rejects.toThrow('rule "type": "cpu" must be number.');
    await expect(produce("{}")).rejects.toThrow('at /cpu, rule "required"');
    await produce('{ "cpu": 1 }');
    const [message] = await browse(topics.json);
    expect(Buffer.from(message!.value!.base64, "base64").toString()).toBe('{ "cpu": 1 }');
  });

  it("produces a breaking value on a topic that warns, and says what was wrong", async () => {
    const result = await caller.messages.produce({
      clusterId: cluster.id,
      topic: topics.warn,
      key: null,
      value: { text: '{"host": "web-4", "cpu": 1}' },
      headers: [],
      partition: 0,
    });
    expect(result.count).toBe(1);
    expect(result.warning).toContain('at /id, rule "required"');
  });

  it("tails Protobuf values as JSON: the last ones first, then new ones", async () => {
    const by = { actor: await actorAs("operator") };
    const stop = new AbortController();
    const tail = tailMessages(
      by,
      { clusterId: cluster.id, topic: topics.proto, partitions: null, last: 1 },
      stop.signal,
    );
    const messagesOf = (lines: Uint8Array[]) =>
      lines.flatMap((line) => JSON.parse(new TextDecoder().decode(line).slice("data: ".length)) as TMessage[]);
    try {
      const seen: TMessage[] = [];
      let next = await tail.next();
      seen.push(...messagesOf(next.value!.dataLines));
      expect(seen[0]?.value?.schema?.json).toBe('{"sensor":"s-1","at":"1700000000000","celsius":21.5}');
      await withProducer(cluster, (producer) =>
        producer.send({
          topic: topics.proto,
          messages: [{ value: Buffer.from(Reading.encode(Reading.create({ sensor: "s-2", celsius: -3 })).finish()) }],
        }),
      );
      while (seen.length < 2) {
        next = await tail.next();
        seen.push(...messagesOf(next.value!.dataLines));
      }
      expect(seen[1]?.value?.schema).toEqual({
        label: "Protobuf (v1)",
        json: '{"sensor":"s-2","at":"0","celsius":-3}',
      });
    } finally {
      stop.abort();
      await tail.return(undefined);
    }
  });

  it("falls back to the plain decoders with a note when PostgreSQL cannot be reached", async () => {
    const mutableEnv = env as { DATABASE_URL?: string };
    const databaseUrl = mutableEnv.DATABASE_URL;
    mutableEnv.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    forgetTopicSchemas(cluster.id, topics.avro);
    try {
      expect(await lookupTopicSchema(cluster.id, topics.avro)).toEqual({
        codec: null,
        produceValidation: "off",
        note: SCHEMA_UNREADABLE_NOTE,
      });
    } finally {
      mutableEnv.DATABASE_URL = databaseUrl;
      forgetTopicSchemas(cluster.id, topics.avro);
    }
    expect((await lookupTopicSchema(cluster.id, topics.avro)).codec?.format).toBe("avro");
  });
});
