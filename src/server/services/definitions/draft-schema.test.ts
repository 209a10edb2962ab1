import { describe, expect, it } from "vitest";
import { inferFromValues } from "./draft-schema";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("inferFromValues", () => {
  it("infers a JSON Schema from JSON values, tombstones left out", () => {
    const result = inferFromValues([bytes('{"cpu": 1.5}'), null, bytes('{"cpu": 2, "disk": 3}')]);
    expect(result.sampled).toBe(2);
    expect(result.note).toBeNull();
    expect(JSON.parse(result.inferredSchemaText!)).toMatchObject({
      type: "object",
      properties: { cpu: { type: "number" }, disk: { type: "integer" } },
      required: ["cpu"],
    });
  });

  it("infers from the JSON values and says how many were not JSON", () => {
    const result = inferFromValues([bytes('{"a": 1}'), bytes("plain text"), new Uint8Array([0xff, 0xfe])]);
    expect(result.inferredSchemaText).not.toBeNull();
    expect(result.note).toBe("2 sampled values of 3 are not JSON; the schema was inferred from the rest.");
  });

  it("infers nothing from values that are not JSON, or from an empty topic, and says why", () => {
    expect(inferFromValues([new Uint8Array([0xff, 0x00, 0x01])])).toEqual({
      inferredSchemaText: null,
      sampled: 1,
      note: "None of the 1 sampled value is JSON, so no schema was inferred; write an Avro or Protobuf schema instead.",
    });
    expect(inferFromValues([null])).toMatchObject({ inferredSchemaText: null, sampled: 0 });
  });
});
