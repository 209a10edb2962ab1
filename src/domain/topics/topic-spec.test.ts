import { describe, expect, it } from "vitest";
import { validatePartitionIncrease } from "./partition-change";
import { validateTopicSpec, ZTopicSpec, type TTopicSpec, type TTopicSpecContext } from "./topic-spec";

const threeBrokers: TTopicSpecContext = { liveBrokerCount: 3, existingTopicNames: ["orders", "sensor.readings"] };

function spec(overrides: Partial<TTopicSpec> = {}): TTopicSpec {
  return { name: "payments", partitions: 6, replicationFactor: 3, configs: {}, ...overrides };
}

function check(overrides: Partial<TTopicSpec>, context = threeBrokers) {
  return validateTopicSpec(spec(overrides), context);
}

describe("the create form's bad inputs, each with the sentence a user reads", () => {
  const rows: { input: string; sentence: () => string | undefined; expected: string }[] = [
    {
      input: "an empty name",
      sentence: () => check({ name: "" }).errors.name,
      expected: "A topic name cannot be empty.",
    },
    {
      input: "the name .",
      sentence: () => check({ name: "." }).errors.name,
      expected: "A topic name cannot be '.' or '..'.",
    },
    {
      input: "the name ..",
      sentence: () => check({ name: ".." }).errors.name,
      expected: "A topic name cannot be '.' or '..'.",
    },
    {
      input: "a 250-character name",
      sentence: () => check({ name: "a".repeat(250) }).errors.name,
      expected: "A topic name can be at most 249 characters; this one has 250.",
    },
    {
      input: "the name a/b",
      sentence: () => check({ name: "a/b" }).errors.name,
      expected: "A topic name can use only letters, digits, '.', '_' and '-'; '/' is not allowed.",
    },
    {
      input: "the name é",
      sentence: () => check({ name: "é" }).errors.name,
      expected:
        "A topic name can use only letters, digits, '.', '_' and '-'; U+00E9 LATIN SMALL LETTER E WITH ACUTE is not allowed.",
    },
    {
      input: "the name __consumer_offsets",
      sentence: () => check({ name: "__consumer_offsets" }).errors.name,
      expected: "__consumer_offsets is one of Kafka's internal topics; Kafka creates it itself.",
    },
    {
      input: "replication factor 3 on one broker",
      sentence: () =>
        check({ replicationFactor: 3 }, { liveBrokerCount: 1, existingTopicNames: [] }).errors.replicationFactor,
      expected: "Replication factor 3 is larger than the 1 broker in this cluster.",
    },
    {
      input: "partitions 6 → 3",
      sentence: () => {
        const result = validatePartitionIncrease(6, 3);
        return result.ok ? undefined : result.message;
      },
      expected: "A topic's partitions can be added but never removed: it has 6, so choose more than 6.",
    },
    {
      input: "retention.ms=-2",
      sentence: () => check({ configs: { "retention.ms": "-2" } }).errors["configs.retention.ms"],
      expected: "retention.ms must be a whole number of milliseconds, or -1 for forever.",
    },
    {
      input: "min.insync.replicas above the replication factor",
      sentence: () =>
        check({ replicationFactor: 2, configs: { "min.insync.replicas": "3" } }).errors["configs.min.insync.replicas"],
      expected:
        "min.insync.replicas (3) cannot be larger than the replication factor (2): producers using acks=all could never write.",
    },
    {
      input: "an unknown config key",
      sentence: () => check({ configs: { "unknown-config": "1" } }).errors["configs.unknown-config"],
      expected: "unknown-config is not a topic config Kafka knows.",
    },
  ];

  it.each(rows)("refuses $input", ({ sentence, expected }) => {
    expect(sentence()).toBe(expected);
  });

  it("accepts retention.ms=-1, which means forever", () => {
    expect(check({ configs: { "retention.ms": "-1" } })).toEqual({ errors: {}, warnings: [] });
  });
});

describe("validateTopicSpec", () => {
  it("accepts a sound topic with no warnings", () => {
    expect(check({ configs: { "min.insync.replicas": "2", "cleanup.policy": "compact" } })).toEqual({
      errors: {},
      warnings: [],
    });
  });

  it("rejects a name that already exists", () => {
    expect(check({ name: "orders" }).errors.name).toBe("A topic named orders already exists.");
  });

  it("rejects a name that collides with an existing one in metric names, as a KRaft controller does", () => {
    expect(check({ name: "sensor_readings" }).errors.name).toBe(
      "sensor_readings collides with the existing topic sensor.readings: Kafka's metric names treat '.' and '_' alike, so it refuses names that differ only there.",
    );
  });

  it("refuses other names in Kafka's __ namespace", () => {
    expect(check({ name: "__mine" }).errors.name).toBe(
      "Names starting with '__' are reserved for Kafka's internal topics; choose another name.",
    );
  });

  it("rejects a replication factor larger than the broker count, with the plural right", () => {
    const errors = check({ replicationFactor: 3 }, { liveBrokerCount: 2, existingTopicNames: [] }).errors;
    expect(errors.replicationFactor).toBe("Replication factor 3 is larger than the 2 brokers in this cluster.");
  });

  it.each([
    { partitions: 0, expected: "A topic needs at least 1 partition." },
    { partitions: 1.5, expected: "The number of partitions must be a whole number." },
    {
      partitions: 10_001,
      expected: "Choose at most 10,000 partitions; Kafka creates no more than that in one request.",
    },
  ])("rejects $partitions partitions", ({ partitions, expected }) => {
    expect(check({ partitions }).errors.partitions).toBe(expected);
  });

  it.each([
    { replicationFactor: 0, expected: "The replication factor must be at least 1." },
    { replicationFactor: 2.5, expected: "The replication factor must be a whole number." },
  ])("rejects replication factor $replicationFactor", ({ replicationFactor, expected }) => {
    expect(check({ replicationFactor }).errors.replicationFactor).toBe(expected);
  });

  it("warns when min.insync.replicas equals a replication factor above 1", () => {
    expect(check({ configs: { "min.insync.replicas": "3" } }).warnings).toEqual([
      "min.insync.replicas equals the replication factor (3), so losing one broker will stop producers that use acks=all.",
    ]);
  });

  it("does not warn about min.insync.replicas 1 with replication factor 1", () => {
    const result = check(
      { replicationFactor: 1, configs: { "min.insync.replicas": "1" } },
      { liveBrokerCount: 1, existingTopicNames: [] },
    );
    expect(result).toEqual({ errors: {}, warnings: [] });
  });

  it("warns gently about replication factor 1 only when the cluster has more than one broker", () => {
    expect(check({ replicationFactor: 1 }).warnings).toEqual([
      "With a replication factor of 1 each partition has a single copy: if its broker goes down, the partition is unavailable until the broker returns.",
    ]);
    expect(check({ replicationFactor: 1 }, { liveBrokerCount: 1, existingTopicNames: [] }).warnings).toEqual([]);
  });

  it("checks every config against the catalogue and across configs", () => {
    const { errors } = check({
      configs: { "compression.type": "LZ4", "min.compaction.lag.ms": "10", "max.compaction.lag.ms": "5" },
    });
    expect(errors).toEqual({
      "configs.compression.type": "compression.type must be one of uncompressed, zstd, lz4, snappy, gzip or producer.",
      "configs.min.compaction.lag.ms": "min.compaction.lag.ms (10) cannot be larger than max.compaction.lag.ms (5).",
    });
  });
});

describe("ZTopicSpec", () => {
  it("parses a sound spec unchanged", () => {
    const input = spec({ configs: { "retention.ms": "-1" } });
    expect(ZTopicSpec.parse(input)).toEqual(input);
  });

  it("reports the same sentences at the tRPC boundary, on the field's path", () => {
    const result = ZTopicSpec.safeParse(spec({ name: "a/b", configs: { "retention.ms": "-2" } }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
      { path: ["name"], message: "A topic name can use only letters, digits, '.', '_' and '-'; '/' is not allowed." },
      {
        path: ["configs", "retention.ms"],
        message: "retention.ms must be a whole number of milliseconds, or -1 for forever.",
      },
    ]);
  });

  it("refuses values that are not strings in configs", () => {
    expect(ZTopicSpec.safeParse({ ...spec(), configs: { "retention.ms": 1000 } }).success).toBe(false);
  });
});
