import { describe, expect, it } from "vitest";
import { crossConfigErrors, findTopicConfig, TOPIC_CONFIGS, validateTopicConfig } from "./topic-configs";

describe("the topic config catalogue", () => {
  it("names each config once", () => {
    const names = TOPIC_CONFIGS.map((config) => config.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("holds the configs a Kafka 4.3 broker knows (LogConfig, internal ones aside)", () => {
    const kafka43 = `cleanup.policy compression.gzip.level compression.lz4.level compression.type
      compression.zstd.level delete.retention.ms file.delete.delay.ms flush.messages flush.ms
      follower.replication.throttled.replicas index.interval.bytes leader.replication.throttled.replicas
      local.retention.bytes local.retention.ms max.compaction.lag.ms max.message.bytes
      message.timestamp.after.max.ms message.timestamp.before.max.ms message.timestamp.type
      min.cleanable.dirty.ratio min.compaction.lag.ms min.insync.replicas preallocate remote.log.copy.disable
      remote.log.delete.on.disable remote.storage.enable retention.bytes retention.ms segment.bytes
      segment.index.bytes segment.jitter.ms segment.ms unclean.leader.election.enable`.split(/\s+/);
    expect(TOPIC_CONFIGS.map((config) => config.name).sort()).toEqual(kafka43);
  });

  it.each(TOPIC_CONFIGS.map((config) => [config.name, config.defaultValue]))(
    "accepts the default of %s (%s) unchanged",
    (name, defaultValue) => {
      expect(validateTopicConfig(name, defaultValue)).toEqual({ ok: true, normalized: defaultValue });
    },
  );

  it("describes retention.ms as Kafka defines it", () => {
    expect(findTopicConfig("retention.ms")).toMatchObject({ type: "long", defaultValue: "604800000", min: "-1" });
  });
});

describe("validateTopicConfig", () => {
  it.each([
    ["retention.ms", "-1", "-1"],
    ["retention.ms", " 100 ", "100"],
    ["retention.ms", "+5", "5"],
    ["retention.ms", "9223372036854775807", "9223372036854775807"],
    ["retention.bytes", "-5", "-5"],
    ["min.insync.replicas", "2", "2"],
    ["min.cleanable.dirty.ratio", "1.0", "1"],
    ["min.cleanable.dirty.ratio", ".5", "0.5"],
    ["min.cleanable.dirty.ratio", "0", "0"],
    ["unclean.leader.election.enable", "TRUE", "true"],
    ["compression.type", " lz4 ", "lz4"],
    ["message.timestamp.type", "LogAppendTime", "LogAppendTime"],
    ["cleanup.policy", " compact , delete ", "compact,delete"],
    ["cleanup.policy", "delete,delete", "delete"],
    ["cleanup.policy", "", ""],
    ["compression.gzip.level", "-1", "-1"],
    ["compression.zstd.level", "-131072", "-131072"],
    ["local.retention.ms", "-2", "-2"],
    ["leader.replication.throttled.replicas", "*", "*"],
    ["follower.replication.throttled.replicas", " 0:1 , 2:3 ", "0:1,2:3"],
  ])("accepts %s=%j as Kafka does, normalized to %j", (name, value, normalized) => {
    expect(validateTopicConfig(name, value)).toEqual({ ok: true, normalized });
  });

  it.each([
    ["retention.ms", "-2", "retention.ms must be a whole number of milliseconds, or -1 for forever."],
    ["retention.ms", "1e3", "retention.ms must be a whole number of milliseconds, or -1 for forever."],
    ["retention.ms", "1.5", "retention.ms must be a whole number of milliseconds, or -1 for forever."],
    ["retention.ms", "", "retention.ms must be a whole number of milliseconds, or -1 for forever."],
    ["retention.ms", "9223372036854775808", "retention.ms is larger than the maximum 9223372036854775807."],
    ["min.insync.replicas", "0", "min.insync.replicas must be a whole number, 1 or more."],
    ["min.insync.replicas", "2147483648", "min.insync.replicas is larger than the maximum 2147483647."],
    ["compression.gzip.level", "10", "compression.gzip.level is larger than the maximum 9."],
    ["min.cleanable.dirty.ratio", "1.01", "min.cleanable.dirty.ratio is larger than the maximum 1."],
    ["min.cleanable.dirty.ratio", "NaN", "min.cleanable.dirty.ratio must be a number from 0 to 1."],
    ["unclean.leader.election.enable", "yes", "unclean.leader.election.enable must be true or false."],
    ["compression.type", "none", "compression.type must be one of uncompressed, zstd, lz4, snappy, gzip or producer."],
    ["message.timestamp.type", "createtime", "message.timestamp.type must be CreateTime or LogAppendTime."],
    [
      "cleanup.policy",
      "Compact",
      "cleanup.policy must be delete, compact, or both separated by a comma (empty keeps everything).",
    ],
    [
      "cleanup.policy",
      "delete,",
      "cleanup.policy must be delete, compact, or both separated by a comma (empty keeps everything).",
    ],
    ["segment.bytes", "1048575", "segment.bytes must be a whole number of bytes, at least 1048576 (1 MiB)."],
    [
      "compression.gzip.level",
      "0",
      "compression.gzip.level must be a whole number from 1 to 9, or -1 for gzip's default.",
    ],
    [
      "local.retention.ms",
      "-3",
      "local.retention.ms must be a whole number of milliseconds, -1 for forever, or -2 to follow retention.ms.",
    ],
    [
      "leader.replication.throttled.replicas",
      "0:1:2",
      "leader.replication.throttled.replicas must be * or a list of partition:broker pairs such as 0:1,1:2.",
    ],
    [
      "leader.replication.throttled.replicas",
      "*,0:1",
      "leader.replication.throttled.replicas must be * or a list of partition:broker pairs such as 0:1,1:2.",
    ],
  ])("refuses %s=%j as Kafka does", (name, value, message) => {
    expect(validateTopicConfig(name, value)).toEqual({ ok: false, message });
  });

  it("refuses a key Kafka does not know", () => {
    expect(validateTopicConfig("unknown-config", "x")).toEqual({
      ok: false,
      message: "unknown-config is not a topic config Kafka knows.",
    });
  });

  it.each(["constructor", "__proto__", "toString"])(
    "refuses %s as unknown rather than finding Object's own",
    (name) => {
      expect(validateTopicConfig(name, "1")).toEqual({
        ok: false,
        message: `${name} is not a topic config Kafka knows.`,
      });
    },
  );

  it("says which configs Kafka 4 removed", () => {
    expect(validateTopicConfig("message.downconversion.enable", "true")).toEqual({
      ok: false,
      message: "message.downconversion.enable was removed in Kafka 4.0.",
    });
  });
});

describe("crossConfigErrors", () => {
  it("refuses min.compaction.lag.ms above max.compaction.lag.ms, as LogConfig does", () => {
    expect(crossConfigErrors({ "min.compaction.lag.ms": "10", "max.compaction.lag.ms": "5" })).toEqual({
      "min.compaction.lag.ms": "min.compaction.lag.ms (10) cannot be larger than max.compaction.lag.ms (5).",
    });
  });

  it("compares against Kafka's defaults for what is unset", () => {
    expect(crossConfigErrors({ "max.compaction.lag.ms": "5" })).toEqual({});
    expect(crossConfigErrors({ "min.compaction.lag.ms": "9223372036854775807" })).toEqual({});
  });
});
