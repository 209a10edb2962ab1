import avro from "avsc";
import { describe, expect, it } from "vitest";
import { createTopicValueCodec } from "./topic-value-codec";

const V1 = { type: "record", name: "M", fields: [{ name: "n", type: "int" }] };
const V2 = {
  type: "record",
  name: "M",
  fields: [
    { name: "n", type: "int" },
    { name: "s", type: "string", default: "" },
  ],
};
const versions = [
  { id: 11, version: 1, text: JSON.stringify(V1) },
  { id: 12, version: 2, text: JSON.stringify(V2) },
];
const frame = (id: number, payload: Uint8Array) => new Uint8Array([0, 0, 0, 0, id, ...payload]);

describe("createTopicValueCodec", () => {
  const codec = createTopicValueCodec("avro", versions)!;
  const v1Bytes = avro.Type.forSchema(V1 as avro.Schema).toBuffer({ n: 5 });
  const v2Bytes = avro.Type.forSchema(V2 as avro.Schema).toBuffer({ n: 5, s: "x" });

  it.each([
    ["newest version first", v2Bytes, { label: "Avro (v2)", json: '{"n":5,"s":"x"}' }],
    ["an older version when the newest does not read the bytes", v1Bytes, { label: "Avro (v1)", json: '{"n":5}' }],
    ["a frame by the version it names", frame(11, v1Bytes), { label: "Avro (v1)", json: '{"n":5}' }],
    [
      "a frame that does not decode",
      frame(12, v1Bytes),
      { label: "Avro (v2)", note: expect.stringContaining("plain decoders") as string },
    ],
    [
      "bytes no version reads",
      new Uint8Array([]),
      { label: "Avro (v2)", note: expect.stringContaining("plain decoders") as string },
    ],
  ])("decodes with %s", (_name, bytes, expected) => {
    expect(codec.decode(bytes)).toEqual(expected);
  });

  it("treats a frame with an unknown schema id as a plain value", () => {
    // Byte 0 then a zigzag 0 … reads as a v1 record { n: 0 } with bytes left over, so no version reads it.
    expect(codec.decode(frame(99, v1Bytes))).toMatchObject({ note: expect.any(String) as string });
  });

  it("leaves plain JSON to the plain decoders on a JSON Schema topic, but unframes a framed one", () => {
    const json = createTopicValueCodec("json", [{ id: 3, version: 1, text: '{"type": "object"}' }])!;
    expect(json.decode(new TextEncoder().encode('{"a": 1}'))).toBeNull();
    expect(json.decode(frame(3, new TextEncoder().encode('{"a": 1}')))).toEqual({
      label: "JSON (v1)",
      json: '{"a":1}',
    });
  });

  it("skips versions that do not compile and is null without any", () => {
    expect(createTopicValueCodec("avro", [{ id: 1, version: 1, text: "{" }])).toBeNull();
    const codec = createTopicValueCodec("avro", [...versions, { id: 13, version: 3, text: "{" }])!;
    expect(codec.latest.version).toBe(2);
  });
});
