import { describe, expect, it } from "vitest";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { createTextMatcher } from "./text-matcher";

function record(overrides: Partial<TFetchedRecord>): TFetchedRecord {
  return {
    partition: 0,
    offset: 0n,
    timestamp: "0",
    timestampType: "CreateTime",
    key: null,
    value: null,
    headers: [],
    ...overrides,
  };
}

describe("createTextMatcher", () => {
  it("finds text in the value regardless of case", () => {
    const matches = createTextMatcher("NeEdLe");
    expect(matches(record({ value: Buffer.from('{"msg":"a needle here"}') }))).toBe(true);
    expect(matches(record({ value: Buffer.from('{"msg":"a haystack"}') }))).toBe(false);
  });

  it("finds text in the key and in header keys and values", () => {
    const matches = createTextMatcher("order-7");
    expect(matches(record({ key: Buffer.from("ORDER-7") }))).toBe(true);
    expect(matches(record({ headers: [{ key: "trace", value: Buffer.from("x-order-7-y") }] }))).toBe(true);
    expect(matches(record({ headers: [{ key: "Order-7", value: null }] }))).toBe(true);
    expect(matches(record({ headers: [{ key: "trace", value: null }] }))).toBe(false);
  });

  it("matches non-ASCII text case-insensitively and survives invalid UTF-8", () => {
    expect(createTextMatcher("ÉTÉ")(record({ value: Buffer.from("un été chaud") }))).toBe(true);
    expect(createTextMatcher("abc")(record({ value: Buffer.from([0xff, 0xfe, 0x41, 0x42, 0x43]) }))).toBe(true);
    expect(createTextMatcher("123")(record({ value: Buffer.from([0xc3, 0x28, 0x31, 0x32, 0x33]) }))).toBe(true);
  });

  it("does not match across a multi-byte character that lowercases to ASCII in latin1", () => {
    // "Ä" is 0xC3 0x84 in UTF-8; neither byte is ASCII, so it cannot fake an ASCII letter.
    expect(createTextMatcher("a")(record({ value: Buffer.from("ÄÖÜ") }))).toBe(false);
  });
});
