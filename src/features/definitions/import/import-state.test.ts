import { describe, expect, it } from "vitest";
import type { TImportDraft } from "~/domain/definitions/definition-dto";
import { draftErrors, draftFormOf, importRequestOf, undefinedTopics } from "./import-state";

const DRAFT: TImportDraft = {
  definition: {
    topicName: "telemetry.raw",
    layer: "raw",
    owner: "",
    description: "",
    tags: [],
    keyDescription: "",
    partitions: 3,
    replicationFactor: 1,
    configs: { "retention.ms": "86400000" },
    schemaFormat: null,
    compatibility: "backward",
    produceValidation: "refuse",
  },
  inferredSchemaText: '{ "type": "object" }',
  sampled: 12,
  note: null,
};

describe("importing topics", () => {
  it("offers topics that are neither defined nor internal, by name", () => {
    expect(undefinedTopics(["b", "__consumer_offsets", "a", "defined"], ["defined"])).toEqual(["a", "b"]);
  });

  it("asks for an owner before a draft can be saved", () => {
    const draft = draftFormOf(DRAFT);
    expect(draftErrors(draft).owner).toBe("Name an owner: the team or person to ask about this topic.");
    expect(draftErrors({ ...draft, definition: { ...draft.definition, owner: "sensors team" } })).toEqual({});
  });

  it("saves the inferred schema as JSON Schema, or no schema when its text was emptied", () => {
    const draft = draftFormOf(DRAFT);
    const [withSchema] = importRequestOf([draft]);
    expect(withSchema?.schemaText).toBe('{ "type": "object" }');
    expect(withSchema?.definition.schemaFormat).toBe("json");
    const [without] = importRequestOf([{ ...draft, schemaText: "  " }]);
    expect(without?.schemaText).toBeNull();
    expect(without?.definition.schemaFormat).toBeNull();
  });
});
