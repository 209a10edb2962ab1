import { describe, expect, it } from "vitest";
import { checkConformance } from "./conformance";
import { compileValueSchema, type TValueSchema } from "./value-schema";

function compile(format: "json" | "avro", schema: unknown): TValueSchema {
  const result = compileValueSchema(format, JSON.stringify(schema));
  if (!result.ok) throw new Error(result.message);
  return result.schema;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const records = (...values: (Uint8Array | null)[]) =>
  values.map((value, index) => ({ partition: index % 2, offset: String(index), value }));

describe("checkConformance", () => {
  const json = compile("json", { type: "object", properties: { cpu: { type: "number" } }, required: ["cpu"] });

  it("counts matches and keeps the first mismatches with their place", () => {
    const result = checkConformance(
      json,
      records(bytes('{"cpu": 1}'), bytes('{"cpu": "x"}'), null, bytes("not json"), bytes('{"cpu": 2}')),
    );
    expect(result.sampled).toBe(4);
    expect(result.matched).toBe(2);
    expect(result.examples).toEqual([
      {
        partition: 1,
        offset: "1",
        path: "/cpu",
        rule: "type",
        message: '"cpu" must be number.',
        valuePreview: '{"cpu": "x"}',
      },
      {
        partition: 1,
        offset: "3",
        path: "",
        rule: "decode",
        message: "The value is not valid JSON.",
        valuePreview: "not json",
      },
    ]);
  });

  it("keeps at most maxExamples and cuts long previews", () => {
    const long = bytes(`{"cpu": "${"x".repeat(1000)}"}`);
    const result = checkConformance(json, records(long, long, long), 2);
    expect(result.examples).toHaveLength(2);
    expect(result.examples[0]!.valuePreview.length).toBeLessThanOrEqual(200);
  });

  it("judges Avro values and previews them as JSON", () => {
    const avro = compile("avro", { type: "record", name: "R", fields: [{ name: "n", type: "int" }] });
    const good = avro.encode({ n: 1 });
    if (!good.ok) throw new Error("encode");
    const result = checkConformance(avro, records(good.bytes, new Uint8Array([])));
    expect(result).toMatchObject({ sampled: 2, matched: 1, examples: [{ rule: "decode" }] });
  });

  it("counts nothing in an empty sample", () => {
    expect(checkConformance(json, [])).toEqual({ sampled: 0, matched: 0, examples: [] });
  });
});
