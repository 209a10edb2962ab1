import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { toJsonText } from "./json-values";
import { compileValueSchema, type TValueSchema } from "./value-schema";

const PROTO = `
syntax = "proto3";
package shop;
message Order {
  string id = 1;
  int64 amount_cents = 2;
  uint32 items = 3;
  Status status = 4;
  repeated string tags = 5;
  map<string, int32> counts = 6;
  bytes blob = 7;
  Address address = 8;
  double rate = 9;
  bool paid = 10;
}
message Address { string city = 1; }
enum Status { NEW = 0; PAID = 1; }
`;

function compile(text: string): TValueSchema {
  const result = compileValueSchema("protobuf", text);
  if (!result.ok) throw new Error(result.message);
  return result.schema;
}

const lossless = (text: string) => parseJsonLossless(text)!.value;

describe("Protobuf values", () => {
  const schema = compile(PROTO);

  it.each([
    ['{"id": "o-1", "amount_cents": 9223372036854775807, "status": "PAID"}', null],
    [
      '{"id": "o-1", "amountCents": "12", "status": 1, "tags": ["a"], "counts": {"x": 1}, "blob": "AAE=", "address": {"city": "Oslo"}, "rate": "NaN", "paid": true, "items": null}',
      null,
    ],
    ['{"id": 5}', { path: "/id", rule: "type" }],
    ['{"amount_cents": 9223372036854775808}', { path: "/amount_cents", rule: "range" }],
    ['{"items": -1}', { path: "/items", rule: "range" }],
    ['{"items": 1.5}', { path: "/items", rule: "type" }],
    ['{"status": "GONE"}', { path: "/status", rule: "enum" }],
    ['{"tags": "a"}', { path: "/tags", rule: "type" }],
    ['{"counts": {"x": "y"}}', { path: "/counts/x", rule: "type" }],
    ['{"blob": "***"}', { path: "/blob", rule: "type" }],
    ['{"address": {"town": "Oslo"}}', { path: "/address/town", rule: "unknownField" }],
    ['{"paid": "yes"}', { path: "/paid", rule: "type" }],
    ["[]", { path: "", rule: "type" }],
  ])("judges %s", (text, expected) => {
    const violation = schema.validate(lossless(text));
    if (expected === null) expect(violation).toBeNull();
    else expect(violation).toMatchObject(expected);
  });

  it("round-trips through Protobuf binary with 64-bit integers as decimal strings", () => {
    const encoded = schema.encode(
      lossless('{"id": "o-1", "amount_cents": 9223372036854775807, "status": "PAID", "address": {"city": "Oslo"}}'),
    );
    if (!encoded.ok) throw new Error(encoded.violation.message);
    const decoded = schema.decode(encoded.bytes);
    expect(decoded.ok && decoded.value).toMatchObject({
      id: "o-1",
      amount_cents: "9223372036854775807",
      status: "PAID",
      address: { city: "Oslo" },
      paid: false,
    });
  });

  it("decodes what protobufjs wrote, and Confluent frames by their message indexes", () => {
    const root = protobuf.parse(PROTO, { keepCase: true }).root;
    const Address = root.lookupType("shop.Address");
    const bytes = Address.encode(Address.create({ city: "Bergen" })).finish();
    const framed = new Uint8Array([0, 0, 0, 0, 9, 0x02, 0x02, ...bytes]); // indexes [1]: the second message
    const decoded = schema.decode(framed, { isFramed: true });
    expect(decoded.ok && toJsonText(decoded.value)).toBe('{"city":"Bergen"}');
    const Order = root.lookupType("shop.Order");
    const order = Order.encode(Order.create({ id: "o-2" })).finish();
    expect(schema.decode(new Uint8Array([0, 0, 0, 0, 9, 0x00, ...order]), { isFramed: true })).toMatchObject({
      ok: true,
      value: { id: "o-2" },
    });
    expect(schema.decode(new Uint8Array([0, 0, 0, 0, 9, 0x02, 0x10]), { isFramed: true })).toMatchObject({ ok: false });
  });

  it("says bytes that are not a message of the type are not", () => {
    expect(schema.decode(new Uint8Array([0x0a, 0xff, 0x01]))).toMatchObject({ ok: false });
  });

  it("uses the message a tributary comment names", () => {
    const chosen = compile(`${PROTO}\n// tributary: message Address\n`);
    expect(chosen.validate(lossless('{"city": "Oslo"}'))).toBeNull();
    expect(chosen.validate(lossless('{"id": "o-1"}'))).toMatchObject({ rule: "unknownField" });
  });

  it("judges proto2 required fields", () => {
    const proto2 = compile('syntax = "proto2"; message M { required string name = 1; optional int32 n = 2; }');
    expect(proto2.validate(lossless('{"n": 1}'))).toMatchObject({ path: "/name", rule: "required" });
    expect(proto2.validate(lossless('{"name": "x"}'))).toBeNull();
  });

  it.each([
    ["message {", "does not compile"],
    ['syntax = "proto3"; message M { Missing m = 1; }', "does not compile"],
    ['syntax = "proto3"; enum E { A = 0; }', "declares no message"],
    [`${PROTO}\n// tributary: message Nope`, "Nope"],
  ])("refuses the schema %#", (text, fragment) => {
    const result = compileValueSchema("protobuf", text);
    expect(!result.ok && result.message).toContain(fragment);
  });
});
