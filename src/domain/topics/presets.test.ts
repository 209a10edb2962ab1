import { describe, expect, it } from "vitest";
import { presetReplicationFactor, TOPIC_PRESETS } from "./presets";
import { validateTopicSpec } from "./topic-spec";

function preset(id: string) {
  const found = TOPIC_PRESETS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found;
}

describe("topic presets", () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 3],
    [7, 3],
  ])("use replication factor min(3, brokers): %i brokers → %i", (brokers, rf) => {
    expect(presetReplicationFactor(brokers)).toBe(rf);
  });

  const cases = TOPIC_PRESETS.flatMap((candidate) => [1, 2, 3, 5].map((brokers) => ({ id: candidate.id, brokers })));
  it.each(cases)("$id on $brokers brokers passes every rule without errors", ({ id, brokers }) => {
    const spec = { name: "new-topic", ...preset(id).build(brokers) };
    expect(validateTopicSpec(spec, { liveBrokerCount: brokers, existingTopicNames: [] }).errors).toEqual({});
  });

  it("keeps raw telemetry for 7 days, deleting, lz4-compressed", () => {
    expect(preset("raw-telemetry").build(3)).toEqual({
      partitions: 6,
      replicationFactor: 3,
      configs: { "cleanup.policy": "delete", "retention.ms": "604800000", "compression.type": "lz4" },
    });
  });

  it("keeps clean data for 30 days and asks two in-sync replicas only with three copies", () => {
    expect(preset("clean-data").build(3).configs).toMatchObject({
      "retention.ms": "2592000000",
      "min.insync.replicas": "2",
    });
    expect(preset("clean-data").build(2).configs).not.toHaveProperty("min.insync.replicas");
  });

  it("compacts state, cleaning early and rolling segments hourly", () => {
    expect(preset("compacted-state").build(1)).toEqual({
      partitions: 6,
      replicationFactor: 1,
      configs: { "cleanup.policy": "compact", "min.cleanable.dirty.ratio": "0.1", "segment.ms": "3600000" },
    });
  });
});
