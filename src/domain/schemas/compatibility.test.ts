import { describe, expect, it } from "vitest";
import type { TCompatibility, TSchemaFormat } from "~/domain/definitions/definition";
import { checkCompatibility } from "./compatibility";

const json = (schema: unknown) => JSON.stringify(schema);
const shape = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  json(shape(properties, extra));

const record = (fields: unknown[]) => json({ type: "record", name: "M", fields });
const proto = (body: string) => `syntax = "proto3"; message M { ${body} }`;

type TCase = [
  name: string,
  format: TSchemaFormat,
  mode: TCompatibility,
  previous: string,
  next: string,
  fragments: string[],
];

const CASES: TCase[] = [
  // JSON Schema
  [
    "json: optional field added",
    "json",
    "full",
    object({ a: { type: "string" } }),
    object({ a: { type: "string" }, b: { type: "number" } }),
    [],
  ],
  [
    "json: type changed",
    "json",
    "backward",
    object({ cpu: { type: "number" } }),
    object({ cpu: { type: "string" } }),
    ['field "cpu"', "type number"],
  ],
  [
    "json: integer widened to number",
    "json",
    "backward",
    object({ n: { type: "integer" } }),
    object({ n: { type: "number" } }),
    [],
  ],
  [
    "json: integer widened breaks forward",
    "json",
    "forward",
    object({ n: { type: "integer" } }),
    object({ n: { type: "number" } }),
    ["Forward", 'field "n"'],
  ],
  [
    "json: required added",
    "json",
    "backward",
    object({ a: {} }),
    object({ a: {} }, { required: ["a"] }),
    ['field "a" is now required'],
  ],
  [
    "json: property removed under closed model",
    "json",
    "backward",
    object({ a: {}, b: {} }),
    object({ a: {} }, { additionalProperties: false }),
    ['field "b" is removed', "no longer admits"],
  ],
  [
    "json: enum narrowed",
    "json",
    "backward",
    object({ k: { enum: ["a", "b"] } }),
    object({ k: { enum: ["a"] } }),
    ['field "k" may no longer be "b"'],
  ],
  [
    "json: enum widened is backward",
    "json",
    "backward",
    object({ k: { enum: ["a"] } }),
    object({ k: { enum: ["a", "b"] } }),
    [],
  ],
  [
    "json: nested minimum raised",
    "json",
    "backward",
    object({ m: shape({ v: { minimum: 0 } }) }),
    object({ m: shape({ v: { minimum: 5 } }) }),
    ['field "m.v": minimum rises from 0 to 5'],
  ],
  [
    "json: array items changed",
    "json",
    "backward",
    object({ t: { type: "array", items: { type: "string" } } }),
    object({ t: { type: "array", items: { type: "integer" } } }),
    ['field "t[]"'],
  ],
  [
    "json: none accepts anything",
    "json",
    "none",
    object({ cpu: { type: "number" } }),
    object({ cpu: { type: "string" } }),
    [],
  ],
  // Avro
  [
    "avro: field with default added",
    "avro",
    "full",
    record([{ name: "a", type: "string" }]),
    record([
      { name: "a", type: "string" },
      { name: "b", type: "int", default: 0 },
    ]),
    [],
  ],
  [
    "avro: field without default added",
    "avro",
    "backward",
    record([{ name: "a", type: "string" }]),
    record([
      { name: "a", type: "string" },
      { name: "b", type: "int" },
    ]),
    ['field "b" is new without a default'],
  ],
  [
    "avro: field without default removed breaks forward",
    "avro",
    "forward",
    record([
      { name: "a", type: "string" },
      { name: "b", type: "int" },
    ]),
    record([{ name: "a", type: "string" }]),
    ["Forward", 'field "b"'],
  ],
  [
    "avro: int promoted to long",
    "avro",
    "backward",
    record([{ name: "n", type: "int" }]),
    record([{ name: "n", type: "long" }]),
    [],
  ],
  [
    "avro: type changed",
    "avro",
    "backward",
    record([{ name: "cpu", type: "double" }]),
    record([{ name: "cpu", type: "string" }]),
    ['field "cpu" cannot be read as string from double'],
  ],
  [
    "avro: nested field",
    "avro",
    "backward",
    record([{ name: "r", type: { type: "record", name: "In", fields: [{ name: "x", type: "int" }] } }]),
    record([{ name: "r", type: { type: "record", name: "In", fields: [{ name: "x", type: "boolean" }] } }]),
    ['field "r.x"'],
  ],
  // Protobuf
  ["protobuf: field added", "protobuf", "full", proto("string a = 1;"), proto("string a = 1; int32 b = 2;"), []],
  ["protobuf: renamed", "protobuf", "full", proto("string a = 1;"), proto("string renamed = 1;"), []],
  [
    "protobuf: number reused with another type",
    "protobuf",
    "backward",
    proto("string a = 1;"),
    proto("double a = 1;"),
    ["field number 1 of M changes from string a to double a"],
  ],
  ["protobuf: int32 to int64", "protobuf", "full", proto("int32 a = 1;"), proto("int64 a = 1;"), []],
  [
    "protobuf: removed without reserved",
    "protobuf",
    "forward",
    proto("string a = 1; string b = 2;"),
    proto("string a = 1;"),
    ["Field M.b (number 2) is removed without reserving"],
  ],
  [
    "protobuf: removed and reserved",
    "protobuf",
    "full",
    proto("string a = 1; string b = 2;"),
    proto("string a = 1; reserved 2;"),
    [],
  ],
  [
    "protobuf: required added",
    "protobuf",
    "backward",
    'syntax = "proto2"; message M { optional string a = 1; }',
    'syntax = "proto2"; message M { optional string a = 1; required int32 b = 2; }',
    ["field M.b is new and required"],
  ],
  [
    "protobuf: repeated to single",
    "protobuf",
    "backward",
    proto("repeated string a = 1;"),
    proto("string a = 1;"),
    ["repeated to single"],
  ],
];

describe("checkCompatibility", () => {
  it.each(CASES)("%s", (_name, format, mode, previous, next, fragments) => {
    const result = checkCompatibility(format, mode, previous, next);
    if (fragments.length === 0) {
      expect(result).toEqual({ ok: true });
      return;
    }
    expect(result.ok).toBe(false);
    const text = result.ok ? "" : result.reasons.join("\n");
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  it("refuses a next schema that does not compile, whatever the mode", () => {
    expect(checkCompatibility("avro", "none", record([]), "{")).toMatchObject({ ok: false });
  });

  it("checks both directions under full", () => {
    const result = checkCompatibility(
      "json",
      "full",
      object({ k: { enum: ["a", "b"] } }),
      object({ k: { enum: ["a", "c"] } }),
    );
    const text = result.ok ? "" : result.reasons.join("\n");
    expect(text).toContain('Backward: field "k" may no longer be "b"');
    expect(text).toContain('Forward: field "k" may no longer be "c"');
  });
});
