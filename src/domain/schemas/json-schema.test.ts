import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { compileValueSchema, MAX_SCHEMA_CHARS, type TValueSchema } from "./value-schema";

const SCHEMA = JSON.stringify({
  type: "object",
  properties: {
    cpu: { type: "number", minimum: 0 },
    id: { type: "integer" },
    host: { type: "string", pattern: "^(a|a)*$" },
    tags: { type: "array", items: { type: "string" } },
    kind: { enum: ["gauge", "counter"] },
    at: { type: "string", format: "date-time" },
  },
  required: ["cpu"],
  additionalProperties: false,
});

function compile(text: string): TValueSchema {
  const result = compileValueSchema("json", text);
  if (!result.ok) throw new Error(result.message);
  return result.schema;
}

const lossless = (text: string) => parseJsonLossless(text)!.value;
const encoder = new TextEncoder();

describe("JSON Schema values", () => {
  const schema = compile(SCHEMA);

  it.each([
    ['{"cpu": 0.5}', null],
    ['{"cpu": 1, "id": 9223372036854775807}', null],
    ['{"cpu": 1, "tags": ["a", "b"], "kind": "gauge", "at": "2026-12-01T10:00:00Z"}', null],
    ['{"cpu": -1}', { path: "/cpu", rule: "minimum" }],
    ['{"cpu": "high"}', { path: "/cpu", rule: "type" }],
    ["{}", { path: "/cpu", rule: "required" }],
    ['{"cpu": 1, "extra": true}', { path: "/extra", rule: "additionalProperties" }],
    ['{"cpu": 1, "tags": ["a", 2]}', { path: "/tags/1", rule: "type" }],
    ['{"cpu": 1, "kind": "histogram"}', { path: "/kind", rule: "enum" }],
    ['{"cpu": 1, "at": "yesterday"}', { path: "/at", rule: "format" }],
    ['{"cpu": 1, "id": 1.5}', { path: "/id", rule: "type" }],
    ["[1]", { path: "", rule: "type" }],
  ])("judges %s", (text, expected) => {
    const violation = schema.validate(lossless(text));
    if (expected === null) expect(violation).toBeNull();
    else expect(violation).toMatchObject(expected);
    // Plain JSON.parse values get the same answer.
    expect(schema.validate(JSON.parse(text))?.rule ?? null).toBe(expected?.rule ?? null);
  });

  it("writes the violation as a sentence naming the field", () => {
    expect(schema.validate(lossless('{"cpu": -1}'))?.message).toBe('"cpu" must be >= 0.');
    expect(schema.validate(lossless("{}"))?.message).toBe('"cpu" is required but missing.');
  });

  it("runs patterns on RE2, so a backtracking pattern answers at once on a long string", () => {
    const value = { cpu: 1, host: `${"a".repeat(50_000)}b` };
    expect(schema.validate(value)).toMatchObject({ path: "/host", rule: "pattern" });
  });

  it("refuses a pattern RE2 cannot run", () => {
    const result = compileValueSchema("json", JSON.stringify({ type: "string", pattern: "(?=a)" }));
    expect(result.ok).toBe(false);
  });

  it("reports a value nested too deeply to check instead of crashing", () => {
    const deep = compile(
      JSON.stringify({ $defs: { node: { type: "array", items: { $ref: "#/$defs/node" } } }, $ref: "#/$defs/node" }),
    );
    const text = "[".repeat(100_000) + "]".repeat(100_000);
    expect(deep.validate(JSON.parse(text))).toMatchObject({ rule: "depth" });
  });

  it("decodes UTF-8 JSON keeping 64-bit digits, and framed values past their header", () => {
    const decoded = schema.decode(encoder.encode('{"cpu": 1, "id": 9007199254740993}'));
    expect(decoded.ok && String((decoded.value as { id: unknown }).id)).toBe("9007199254740993");
    const framed = new Uint8Array([0, 0, 0, 0, 7, ...encoder.encode('{"cpu": 2}')]);
    expect(schema.decode(framed, { isFramed: true })).toMatchObject({ ok: true });
    expect(schema.decode(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false });
    expect(schema.decode(encoder.encode("{cpu"))).toMatchObject({ ok: false });
  });

  it("encodes JSON text with every digit", () => {
    const encoded = schema.encode(lossless('{"cpu": 1.10, "id": 9007199254740993}'));
    expect(encoded.ok && new TextDecoder().decode(encoded.bytes)).toBe('{"cpu":1.10,"id":9007199254740993}');
  });

  it.each([
    ["not json", "not valid JSON"],
    ["[]", "is an object"],
    [JSON.stringify({ type: "nonsense" }), "does not compile"],
    [JSON.stringify({ $ref: "https://example.com/remote.json" }), "does not compile"],
    [" ".repeat(MAX_SCHEMA_CHARS + 1), "limit"],
  ])("refuses the schema %#", (text, fragment) => {
    const result = compileValueSchema("json", text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(fragment);
  });

  it("compiles a schema text once", () => {
    expect(compileValueSchema("json", SCHEMA)).toBe(compileValueSchema("json", SCHEMA));
  });

  it("lets two schemas share an $id", () => {
    const first = compileValueSchema("json", JSON.stringify({ $id: "https://x/s", type: "string" }));
    const second = compileValueSchema("json", JSON.stringify({ $id: "https://x/s", type: "number" }));
    expect(first.ok && second.ok).toBe(true);
  });
});
