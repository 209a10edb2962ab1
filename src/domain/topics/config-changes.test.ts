import { describe, expect, it } from "vitest";
import { internalTopicRefusal, validateConfigChanges } from "./config-changes";

describe("validateConfigChanges", () => {
  it("accepts valid values and the removal of an override", () => {
    expect(
      validateConfigChanges({ "retention.ms": "3600000", "cleanup.policy": null }, { replicationFactor: 1 }),
    ).toEqual({});
  });

  it("names each config whose value Kafka would refuse, in the create form's words", () => {
    const errors = validateConfigChanges(
      { "retention.ms": "soon", "segment.bytes": "1", "no.such.config": "1" },
      { replicationFactor: 1 },
    );
    expect(Object.keys(errors).sort()).toEqual(["no.such.config", "retention.ms", "segment.bytes"]);
    expect(errors["no.such.config"]).toBe("no.such.config is not a topic config Kafka knows.");
    expect(errors["retention.ms"]).toMatch(/^retention\.ms must be /);
  });

  it("refuses min.insync.replicas above the topic's replication factor", () => {
    expect(validateConfigChanges({ "min.insync.replicas": "2" }, { replicationFactor: 1 })).toEqual({
      "min.insync.replicas":
        "min.insync.replicas (2) cannot be larger than the replication factor (1): producers using acks=all could never write.",
    });
  });

  it("refuses a min compaction lag above the max compaction lag set in the same change", () => {
    const errors = validateConfigChanges(
      { "min.compaction.lag.ms": "2000", "max.compaction.lag.ms": "1000" },
      { replicationFactor: 1 },
    );
    expect(errors["min.compaction.lag.ms"]).toMatch(/cannot be larger than max\.compaction\.lag\.ms/);
  });
});

describe("internalTopicRefusal", () => {
  it("says the topic is Kafka's own", () => {
    expect(internalTopicRefusal("__consumer_offsets", "configs")).toBe(
      "__consumer_offsets is internal to Kafka; Tributary does not change its configs.",
    );
  });
});
