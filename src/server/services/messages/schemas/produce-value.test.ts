import { describe, expect, it } from "vitest";
import type { TProduceValidation } from "~/domain/definitions/definition";
import { createTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import { prepareProduceValue } from "./produce-value";

const AVRO = JSON.stringify({ type: "record", name: "M", fields: [{ name: "cpu", type: "double" }] });
const JSON_SCHEMA = JSON.stringify({ type: "object", properties: { cpu: { type: "number" } } });

function topic(format: "avro" | "json", text: string, produceValidation: TProduceValidation) {
  return { codec: createTopicValueCodec(format, [{ id: 1, version: 1, text }]), produceValidation, note: null };
}

describe("prepareProduceValue", () => {
  it("encodes typed JSON to Avro", () => {
    const { bytes, warning } = prepareProduceValue(topic("avro", AVRO, "refuse"), { text: '{"cpu": 0.5}' });
    expect(warning).toBeNull();
    expect([...bytes!]).toEqual([...Buffer.from(new Float64Array([0.5]).buffer)]);
  });

  it.each([
    ["refuse", "throws"],
    ["warn", "warns"],
    ["off", "sends"],
  ] as const)("under %s, a breaking value %s", (mode, outcome) => {
    const run = () => prepareProduceValue(topic("avro", AVRO, mode), { text: '{"cpu": "high"}' });
    if (outcome === "throws") {
      expect(run).toThrow(
        'The value does not fit the topic\'s Avro schema (v1) at /cpu, rule "type": "cpu" must be a double, not a string.',
      );
      return;
    }
    const { bytes, warning } = run();
    // A value Avro cannot carry goes out as typed.
    expect(bytes?.toString()).toBe('{"cpu": "high"}');
    if (outcome === "warns") expect(warning).toContain("It was sent anyway");
    else expect(warning).toBeNull();
  });

  it("refuses text that is not JSON on a schema topic", () => {
    expect(() => prepareProduceValue(topic("json", JSON_SCHEMA, "refuse"), { text: "cpu=1" })).toThrow('rule "json"');
  });

  it("checks replayed bytes by decoding them, and sends them unchanged", () => {
    const good = Buffer.from(new Float64Array([1]).buffer).toString("base64");
    expect(prepareProduceValue(topic("avro", AVRO, "refuse"), { base64: good }).bytes?.toString("base64")).toBe(good);
    expect(() => prepareProduceValue(topic("avro", AVRO, "refuse"), { base64: "AA==" })).toThrow('rule "decode"');
  });

  it("leaves tombstones and topics without a schema alone", () => {
    expect(prepareProduceValue(topic("avro", AVRO, "refuse"), null)).toEqual({ bytes: null, warning: null });
    const none = { codec: null, produceValidation: "refuse" as const, note: null };
    expect(prepareProduceValue(none, { text: "anything" }).bytes?.toString()).toBe("anything");
  });
});
