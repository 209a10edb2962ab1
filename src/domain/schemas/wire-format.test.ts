import { describe, expect, it } from "vitest";
import { readConfluentFrame, readMessageIndexes } from "./wire-format";

describe("readConfluentFrame", () => {
  it.each([
    ["a frame", [0, 0, 0, 1, 2, 9, 9], { schemaId: 258, payload: [9, 9] }],
    ["a frame with an empty payload", [0, 0, 0, 0, 7], { schemaId: 7, payload: [] }],
    ["JSON text", [...new TextEncoder().encode('{"a":1}')], null],
    ["too short", [0, 0, 0, 1], null],
    ["schema id 0", [0, 0, 0, 0, 0, 1], null],
    ["a negative id", [0, 0xff, 0xff, 0xff, 0xff, 1], null],
  ])("reads %s", (_name, bytes, expected) => {
    const frame = readConfluentFrame(new Uint8Array(bytes));
    expect(frame && { schemaId: frame.schemaId, payload: [...frame.payload] }).toEqual(expected);
  });

  it("reads a frame from the middle of a larger buffer", () => {
    const buffer = new Uint8Array([9, 9, 0, 0, 0, 0, 5, 1]);
    expect(readConfluentFrame(buffer.subarray(2))?.schemaId).toBe(5);
  });
});

describe("readMessageIndexes", () => {
  it.each([
    ["the shorthand 0", [0, 7], [0], [7]],
    ["one index", [2, 4, 7], [2], [7]],
    ["a nested path", [4, 2, 0, 7], [1, 0], [7]],
  ])("reads %s", (_name, bytes, indexes, rest) => {
    const read = readMessageIndexes(new Uint8Array(bytes));
    expect(read && { indexes: read.indexes, rest: [...read.rest] }).toEqual({ indexes, rest });
  });

  it.each([[[]], [[4, 2]], [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff]]])("refuses %j", (bytes) => {
    expect(readMessageIndexes(new Uint8Array(bytes))).toBeNull();
  });
});
