import { describe, expect, it } from "vitest";
import { shapeLines } from "./shape-lines";

describe("shapeLines", () => {
  it("lists the fields of a telemetry value with their types", () => {
    // As domain/schemas/infer-json-schema.ts writes it for two scored telemetry values.
    const schema = {
      type: "object",
      properties: {
        server: { type: "string" },
        metric: { type: "string" },
        value: { type: "number" },
        model: {
          type: "object",
          properties: { z: { type: "number" }, anomaly: { type: "boolean" } },
          required: ["z", "anomaly"],
        },
      },
      required: ["server", "metric", "value", "model"],
    };
    expect(shapeLines(schema)).toEqual([
      { path: "server", type: "string", isOptional: false },
      { path: "metric", type: "string", isOptional: false },
      { path: "value", type: "number", isOptional: false },
      { path: "model.z", type: "number", isOptional: false },
      { path: "model.anomaly", type: "boolean", isOptional: false },
    ]);
  });

  it("marks fields some values lacked as optional and joins mixed types", () => {
    const schema = {
      type: "object",
      properties: { value: { type: ["integer", "null"] }, unit: { type: "string" } },
      required: ["value"],
    };
    expect(shapeLines(schema)).toEqual([
      { path: "value", type: "integer | null", isOptional: false },
      { path: "unit", type: "string", isOptional: true },
    ]);
  });

  it("says what arrays hold", () => {
    const schema = {
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string" } },
        points: { type: "array", items: { type: "object", properties: { x: { type: "integer" } }, required: ["x"] } },
      },
      required: ["tags", "points"],
    };
    expect(shapeLines(schema)).toEqual([
      { path: "tags", type: "array of string", isOptional: false },
      { path: "points", type: "array of object", isOptional: false },
      { path: "points[].x", type: "integer", isOptional: false },
    ]);
  });

  it("shows a value that is not an object as one line", () => {
    expect(shapeLines({ type: "string" })).toEqual([{ path: "(value)", type: "string", isOptional: false }]);
    expect(shapeLines(null)).toEqual([]);
  });

  it("reads anyOf and a missing type", () => {
    expect(shapeLines({ properties: { a: { anyOf: [{ type: "string" }, { type: "null" }] }, b: {} } })).toEqual([
      { path: "a", type: "string | null", isOptional: true },
      { path: "b", type: "any", isOptional: true },
    ]);
  });
});
