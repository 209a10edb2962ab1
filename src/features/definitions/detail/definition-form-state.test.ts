import { describe, expect, it } from "vitest";
import type { TTopicDefinitionFields } from "~/domain/definitions/definition";
import { formFromDefinition, formToDefinitionInput, parseTags } from "./definition-form-state";

const DEFINITION: TTopicDefinitionFields = {
  topicName: "telemetry.raw",
  layer: "raw",
  owner: "sensors team",
  description: "Readings as the sensors send them.",
  tags: ["metrics", "sensors"],
  keyDescription: "stream id: `server-<n>-<metric>`",
  partitions: 6,
  replicationFactor: 1,
  configs: { "retention.ms": "604800000", "max.message.bytes": "2097152" },
  schemaFormat: "json",
  compatibility: "backward",
  produceValidation: "refuse",
};

describe("the definition form", () => {
  it("gives back the definition it was filled from", () => {
    const { input, errors } = formToDefinitionInput(formFromDefinition(DEFINITION));
    expect(errors).toEqual({});
    expect(input).toEqual(DEFINITION);
  });

  it("keeps a cleanup policy the definition named, and adds none it did not", () => {
    const named = formToDefinitionInput(
      formFromDefinition({ ...DEFINITION, configs: { "cleanup.policy": "delete" } }),
    ).input;
    expect(named.configs).toEqual({ "cleanup.policy": "delete" });
    const form = formFromDefinition(DEFINITION);
    expect(formToDefinitionInput(form).input.configs).not.toHaveProperty("cleanup.policy");
    const compacted = formToDefinitionInput({ ...form, kafka: { ...form.kafka, cleanupPolicy: "compact" } }).input;
    expect(compacted.configs?.["cleanup.policy"]).toBe("compact");
  });

  it("turns a retention typed in days into milliseconds", () => {
    const form = formFromDefinition(DEFINITION);
    const { input } = formToDefinitionInput({
      ...form,
      kafka: { ...form.kafka, retentionAmount: "1", retentionUnit: "d" },
    });
    expect(input.configs?.["retention.ms"]).toBe("86400000");
  });

  it("says what is wrong in the definition's own sentences", () => {
    const form = formFromDefinition(DEFINITION);
    const { errors } = formToDefinitionInput({
      ...form,
      owner: "  ",
      tagsText: "metrics, Not A Tag",
      kafka: { ...form.kafka, partitions: "0", retentionAmount: "soon" },
    });
    expect(errors.owner).toBe("Name an owner: the team or person to ask about this topic.");
    expect(errors.tags).toMatch(/lower-case/);
    expect(errors.partitions).toBeDefined();
    expect(errors["retention.ms"]).toBeDefined();
  });
});

describe("tags as typed", () => {
  it("splits on commas and spaces and drops repeats", () => {
    expect(parseTags(" metrics, sensors  metrics,,raw ")).toEqual(["metrics", "sensors", "raw"]);
  });
});
