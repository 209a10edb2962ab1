import { describe, expect, it } from "vitest";
import { ByteReader } from "./byte-reader";
import { ByteWriter } from "./byte-writer";

describe("ByteWriter and ByteReader", () => {
  it("write unsigned varints as Kafka does (7 bits a byte, low first) and read them back", () => {
    const bytes = new ByteWriter()
      .unsignedVarInt(0)
      .unsignedVarInt(127)
      .unsignedVarInt(128)
      .unsignedVarInt(300)
      .toBuffer();
    expect([...bytes]).toEqual([0x00, 0x7f, 0x80, 0x01, 0xac, 0x02]);
    const reader = new ByteReader(bytes);
    expect([
      reader.unsignedVarInt(),
      reader.unsignedVarInt(),
      reader.unsignedVarInt(),
      reader.unsignedVarInt(),
    ]).toEqual([0, 127, 128, 300]);
    expect(reader.remaining).toBe(0);
  });

  it("write compact strings and arrays as length + 1, classic ones with int16 and int32 lengths", () => {
    const bytes = new ByteWriter()
      .compactString("ab")
      .compactArray([1, 2], (writer, value) => writer.int32(value))
      .string("é")
      .array(["x"], (writer, value) => writer.string(value))
      .noTaggedFields()
      .toBuffer();
    expect([...bytes.subarray(0, 3)]).toEqual([3, 0x61, 0x62]);
    const reader = new ByteReader(bytes);
    expect(reader.compactString()).toBe("ab");
    expect(reader.compactArray(() => reader.int32())).toEqual([1, 2]);
    expect(reader.string()).toBe("é");
    expect(reader.array(() => reader.string())).toEqual(["x"]);
    reader.skipTaggedFields();
    expect(reader.remaining).toBe(0);
  });

  it("reads null strings (length -1, compact 0) and skips tagged fields it does not know", () => {
    const tagged = [2, /* tag */ 0, /* size */ 1, 0xff, /* tag */ 5, /* size */ 2, 0xaa, 0xbb];
    const reader = new ByteReader(Buffer.from([0xff, 0xff, 0, ...tagged, 0x07]));
    expect(reader.nullableString()).toBeNull();
    expect(reader.compactNullableString()).toBeNull();
    reader.skipTaggedFields();
    expect(reader.int8()).toBe(7);
  });

  it("refuses to read past the end rather than reading zeros", () => {
    expect(() => new ByteReader(Buffer.from([0, 0, 0])).int32()).toThrow(RangeError);
    expect(() => new ByteReader(Buffer.from([5, 0x61])).compactString()).toThrow("Kafka's answer ended early");
  });
});
