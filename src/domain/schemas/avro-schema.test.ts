import avro from "avsc";
import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { toJsonText } from "./json-values";
import { compileValueSchema, type TValueSchema } from "./value-schema";

const METRIC = {
  type: "record",
  name: "Metric",
  fields: [
    { name: "host", type: "string" },
    { name: "cpu", type: "double" },
    { name: "count", type: "int" },
    { name: "id", type: "long" },
    { name: "kind", type: { type: "enum", name: "Kind", symbols: ["GAUGE", "COUNTER"] } },
    { name: "note", type: ["null", "string"], default: null },
    { name: "tags", type: { type: "array", items: "string" }, default: [] },
    { name: "labels", type: { type: "map", values: "string" }, default: {} },
    { name: "raw", type: "bytes", default: "" },
  ],
};

function compile(schema: unknown): TValueSchema {
  const result = compileValueSchema("avro", JSON.stringify(schema));
  if (!result.ok) throw new Error(result.message);
  return result.schema;
}

const lossless = (text: string) => parseJsonLossless(text)!.value;
const BASE = '"host": "web-1", "cpu": 0.5, "count": 3, "id": 9223372036854775807, "kind": "GAUGE"';

describe("Avro values", () => {
  const schema = compile(METRIC);

  it.each([
    [`{${BASE}}`, null],
    [`{${BASE}, "note": "hi", "tags": ["a"], "labels": {"__proto__": "x"}, "raw": "AAE="}`, null],
    [`{${BASE.replace('"cpu": 0.5', '"cpu": "x"')}}`, { path: "/cpu", rule: "type" }],
    [`{${BASE.replace('"count": 3', '"count": 3000000000')}}`, { path: "/count", rule: "type" }],
    [`{${BASE.replace('"count": 3', '"count": 1.5')}}`, { path: "/count", rule: "type" }],
    [`{${BASE.replace('"id": 9223372036854775807', '"id": 9223372036854775808')}}`, { path: "/id", rule: "type" }],
    [`{${BASE.replace('"kind": "GAUGE"', '"kind": "HISTOGRAM"')}}`, { path: "/kind", rule: "enum" }],
    [`{${BASE.replace('"host": "web-1", ', "")}}`, { path: "/host", rule: "required" }],
    [`{${BASE}, "tags": ["a", 1]}`, { path: "/tags/1", rule: "type" }],
    [`{${BASE}, "note": 5}`, { path: "/note", rule: "type" }],
    [`{${BASE}, "cpuu": 1}`, { path: "/cpuu", rule: "unknownField" }],
    ['"text"', { path: "", rule: "type" }],
  ])("judges %s", (text, expected) => {
    const violation = schema.validate(lossless(text));
    if (expected === null) expect(violation).toBeNull();
    else expect(violation).toMatchObject(expected);
  });

  it("round-trips a value through Avro binary with 64-bit longs exact", () => {
    const encoded = schema.encode(lossless(`{${BASE}, "note": "hi", "raw": "AAE="}`));
    if (!encoded.ok) throw new Error(encoded.violation.message);
    const decoded = schema.decode(encoded.bytes);
    expect(decoded.ok && toJsonText(decoded.value)).toBe(
      '{"host":"web-1","cpu":0.5,"count":3,"id":9223372036854775807,"kind":"GAUGE","note":"hi","tags":[],"labels":{},"raw":"AAE="}',
    );
  });

  it("decodes what another Avro writer wrote, framed or not", () => {
    const writer = avro.Type.forSchema({
      type: "record",
      name: "R",
      fields: [
        { name: "n", type: "long" },
        { name: "s", type: "string" },
      ],
    });
    const bytes = writer.toBuffer({ n: 42, s: "x" });
    const reader = compile({
      type: "record",
      name: "R",
      fields: [
        { name: "n", type: "long" },
        { name: "s", type: "string" },
      ],
    });
    expect(reader.decode(bytes)).toMatchObject({ ok: true });
    const framed = new Uint8Array([0, 0, 0, 0, 3, ...bytes]);
    const decoded = reader.decode(framed, { isFramed: true });
    expect(decoded.ok && toJsonText(decoded.value)).toBe('{"n":42,"s":"x"}');
  });

  it.each([
    ["truncated", new Uint8Array([0x02])],
    ["trailing bytes", new Uint8Array([0x00, 0x00, 0x00, 0x00])],
  ])("says a %s value is not Avro of the schema", (_name, bytes) => {
    const reader = compile({ type: "record", name: "R", fields: [{ name: "s", type: "string" }] });
    expect(reader.decode(bytes)).toMatchObject({ ok: false });
  });

  it("stops at once on an array block that claims billions of items", () => {
    const nulls = compile({ type: "array", items: "null" });
    // Zigzag varint 2^31 - 1 items, then nothing.
    const claim = new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0x0f]);
    expect(nulls.decode(claim)).toMatchObject({ ok: false });
    const ints = compile({ type: "array", items: "int" });
    expect(ints.decode(new Uint8Array([0x80, 0x80, 0x80, 0x08]))).toMatchObject({ ok: false });
  });

  it("keeps a map key named __proto__ as an entry", () => {
    const map = compile({ type: "map", values: "int" });
    const encoded = map.encode(lossless('{"__proto__": 1, "a": 2}'));
    const decoded = encoded.ok ? map.decode(encoded.bytes) : null;
    expect(decoded?.ok && toJsonText(decoded.value)).toBe('{"__proto__":1,"a":2}');
  });

  it("shows a union the value cannot tell apart wrapped by its branch", () => {
    const a = { type: "record", name: "A", fields: [{ name: "x", type: "int" }] };
    const b = { type: "record", name: "B", fields: [{ name: "y", type: "string" }] };
    const union = compile({ type: "record", name: "U", fields: [{ name: "v", type: [a, b] }] });
    const encoded = union.encode(lossless('{"v": {"B": {"y": "z"}}}'));
    const decoded = encoded.ok ? union.decode(encoded.bytes) : null;
    expect(decoded?.ok && toJsonText(decoded.value)).toBe('{"v":{"B":{"y":"z"}}}');
    expect(union.validate(lossless('{"v": {"C": {}}}'))).toMatchObject({ path: "/v" });
  });

  it.each([
    ["{", "not valid JSON"],
    ['{"type": "record", "name": "R", "fields": [{"name": "x", "type": "nope"}]}', "does not compile"],
    ['{"type": "record", "name": "1bad", "fields": []}', "does not compile"],
  ])("refuses the schema %s", (text, fragment) => {
    const result = compileValueSchema("avro", text);
    expect(!result.ok && result.message).toContain(fragment);
  });
});
