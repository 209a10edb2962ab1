import { describe, expect, it } from "vitest";
import { diffDefinition, type TDefinitionKafkaFields, type TLiveTopic } from "./drift";

const definition: TDefinitionKafkaFields = {
  topicName: "telemetry.raw",
  partitions: 6,
  replicationFactor: 3,
  configs: { "retention.ms": "604800000", "cleanup.policy": "delete" },
};

const live: TLiveTopic = {
  name: "telemetry.raw",
  partitions: 6,
  replicationFactor: 3,
  configs: { "retention.ms": "604800000", "cleanup.policy": "delete", "segment.bytes": "1073741824" },
};

describe("diffDefinition", () => {
  it("reports a topic that matches its definition as in sync", () => {
    expect(diffDefinition(definition, live)).toEqual({ topicName: "telemetry.raw", state: "in-sync", fields: [] });
  });

  it("reports a topic Kafka does not have as missing, every intended field against nothing", () => {
    const drift = diffDefinition(definition, null);
    expect(drift.state).toBe("missing");
    expect(drift.fields).toEqual([
      { field: "partitions", intended: "6", live: null },
      { field: "replicationFactor", intended: "3", live: null },
      { field: "configs.cleanup.policy", intended: "delete", live: null },
      { field: "configs.retention.ms", intended: "604800000", live: null },
    ]);
  });

  it.each([
    ["partitions", { ...live, partitions: 9 }, { field: "partitions", intended: "6", live: "9" }],
    ["replication factor", { ...live, replicationFactor: 1 }, { field: "replicationFactor", intended: "3", live: "1" }],
    [
      "a config value",
      { ...live, configs: { ...live.configs, "retention.ms": "86400000" } },
      { field: "configs.retention.ms", intended: "604800000", live: "86400000" },
    ],
    [
      "a config Kafka does not report",
      { ...live, configs: { "cleanup.policy": "delete" } },
      { field: "configs.retention.ms", intended: "604800000", live: null },
    ],
  ])("reports drift in %s, field by field", (_what, liveTopic: TLiveTopic, field) => {
    const drift = diffDefinition(definition, liveTopic);
    expect(drift.state).toBe("drifted");
    expect(drift.fields).toEqual([field]);
  });

  it.each([
    ["retention.ms", " 604800000 ", "604800000"],
    ["retention.ms", "+604800000", "604800000"],
    ["unclean.leader.election.enable", "TRUE", "true"],
    ["cleanup.policy", " compact , delete ", "compact,delete"],
    ["min.cleanable.dirty.ratio", "0.50", "0.5"],
  ])("compares %s normalized: %j equals Kafka's %j", (name, intended, kafkaValue) => {
    const drift = diffDefinition(
      { ...definition, configs: { [name]: intended } },
      { ...live, configs: { ...live.configs, [name]: kafkaValue } },
    );
    expect(drift).toEqual({ topicName: "telemetry.raw", state: "in-sync", fields: [] });
  });

  it("does not drift on a config the definition says nothing about", () => {
    const overridden = { ...live, configs: { ...live.configs, "max.message.bytes": "5242880" } };
    expect(diffDefinition({ ...definition, configs: {} }, overridden).state).toBe("in-sync");
  });

  it("reports an invalid intended value as drift, as written", () => {
    const drift = diffDefinition({ ...definition, configs: { "retention.ms": "a week" } }, live);
    expect(drift.fields).toEqual([{ field: "configs.retention.ms", intended: "a week", live: "604800000" }]);
  });
});
