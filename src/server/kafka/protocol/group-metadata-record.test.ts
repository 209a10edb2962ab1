import { describe, expect, it } from "vitest";
import { decodeGroupMetadataRecord, offsetsPartitionFor } from "./group-metadata-record";

function key(type: number, groupId: string): Buffer {
  const id = Buffer.from(groupId, "utf8");
  const buffer = Buffer.alloc(4 + id.length);
  buffer.writeInt16BE(type, 0);
  buffer.writeInt16BE(id.length, 2);
  id.copy(buffer, 4);
  return buffer;
}

// Value prefixes as Kafka 4.3's coordinator wrote them (read off __consumer_offsets of the local broker).
const CLASSIC_V3_GENERATION_2 = Buffer.from("00030008636f6e73756d6572000000020012526f756e6452", "hex");
const CLASSIC_V3_EMPTY_GENERATION_0 = Buffer.from("0003000000000000ffffffff000001a201e5b5de00000000", "hex");
const CONSUMER_EPOCH_2 = Buffer.from("0000000000020100080f2336aaf6bb69", "hex");

describe("decodeGroupMetadataRecord", () => {
  it("reads a classic group's generation", () => {
    expect(decodeGroupMetadataRecord(key(2, "orders"), CLASSIC_V3_GENERATION_2)).toEqual({
      groupId: "orders",
      kind: "classic",
      generation: 2,
    });
    expect(decodeGroupMetadataRecord(key(2, "orders"), CLASSIC_V3_EMPTY_GENERATION_0)?.generation).toBe(0);
  });

  it("reads the compact protocol type of version 4 values", () => {
    const value = Buffer.from([0x00, 0x04, 0x09, ...Buffer.from("consumer"), 0x00, 0x00, 0x00, 0x07]);
    expect(decodeGroupMetadataRecord(key(2, "orders"), value)?.generation).toBe(7);
  });

  it("reads a KIP-848 group's epoch", () => {
    expect(decodeGroupMetadataRecord(key(3, "payments"), CONSUMER_EPOCH_2)).toEqual({
      groupId: "payments",
      kind: "consumer",
      generation: 2,
    });
  });

  it("marks a deleted group with a null generation and skips other record types", () => {
    expect(decodeGroupMetadataRecord(key(2, "gone"), null)).toEqual({
      groupId: "gone",
      kind: "classic",
      generation: null,
    });
    expect(decodeGroupMetadataRecord(key(1, "orders"), CLASSIC_V3_GENERATION_2)).toBeNull();
    expect(decodeGroupMetadataRecord(key(2, "orders"), Buffer.from([0, 3, 0]))).toBeNull();
  });
});

describe("offsetsPartitionFor", () => {
  it("picks the partition Kafka's coordinator uses (Math.abs of Java's String.hashCode)", () => {
    // Checked against the local broker and Java: "scratch-gen-1795328187018".hashCode() = -987855090.
    expect(offsetsPartitionFor("scratch-gen-1795328187018", 50)).toBe(40);
    expect(offsetsPartitionFor("a", 50)).toBe(97 % 50);
  });
});
