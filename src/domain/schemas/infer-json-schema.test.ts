import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { inferJsonSchema } from "./infer-json-schema";
import { compileValueSchema } from "./value-schema";

const samples = (...texts: string[]) => texts.map((text) => parseJsonLossless(text)!.value);
const body = (schema: Record<string, unknown>) => {
  const { $schema, ...rest } = schema;
  expect($schema).toBe("https://json-schema.org/draft/2020-12/schema");
  return rest;
};

describe("inferJsonSchema", () => {
  it.each([
    ["one integer", ["1"], { type: "integer" }],
    ["a 64-bit integer", ["9223372036854775807"], { type: "integer" }],
    ["integers and fractions", ["1", "1.5"], { type: "number" }],
    ["an exponent", ["1e3"], { type: "number" }],
    ["mixed types", ['"a"', "1", "true"], { type: ["string", "integer", "boolean"] }],
    ["nulls", ['"a"', "null"], { type: ["string", "null"] }],
    ["an empty array", ["[]"], { type: "array" }],
    ["nested arrays", ["[[1], [2.5]]"], { type: "array", items: { type: "array", items: { type: "number" } } }],
    ["mixed items", ['[1, "a", null]'], { type: "array", items: { type: ["string", "integer", "null"] } }],
    ["no samples", [], {}],
    [
      "objects with optional keys",
      ['{"a": 1, "b": "x"}', '{"a": 2}', '{"a": 3, "c": null}'],
      {
        type: "object",
        properties: { a: { type: "integer" }, b: { type: "string" }, c: { type: "null" } },
        required: ["a"],
      },
    ],
    ["an empty object", ["{}"], { type: "object" }],
    [
      "objects or null",
      ['{"a": 1}', "null"],
      { type: ["object", "null"], properties: { a: { type: "integer" } }, required: ["a"] },
    ],
  ])("infers %s", (_name, texts, expected) => {
    expect(body(inferJsonSchema(samples(...texts)))).toEqual(expected);
  });

  it("keeps a __proto__ key as a property", () => {
    const schema = body(inferJsonSchema(samples('{"__proto__": 1}')));
    expect(Object.keys(schema.properties as object)).toEqual(["__proto__"]);
  });

  it("stops constraining at deep nesting instead of overflowing the stack", () => {
    const text = "[".repeat(10_000) + "]".repeat(10_000);
    expect(() => inferJsonSchema(samples(text))).not.toThrow();
  });

  it("infers a schema every sample fits", () => {
    const values = samples(
      '{"id": 9223372036854775807, "tags": ["a"], "m": {"x": 1.5}}',
      '{"id": 1, "tags": [], "m": null}',
    );
    const compiled = compileValueSchema("json", JSON.stringify(inferJsonSchema(values)));
    if (!compiled.ok) throw new Error(compiled.message);
    for (const value of values) expect(compiled.schema.validate(value)).toBeNull();
  });
});
