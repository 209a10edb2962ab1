import { describe, expect, it } from "vitest";
import { keyBytes, murmur2, partitionForKey, toPositive } from "./murmur2";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("murmur2", () => {
  // Apache Kafka's own UtilsTest.testMurmur2 (clients/src/test/java/.../common/utils/UtilsTest.java).
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("hashes %j as Kafka's UtilsTest expects", (key, expected) => {
    expect(murmur2(utf8(key))).toBe(expected);
  });

  // librdkafka's unittest_murmur2 (src/rdmurmur2.c), whose values are "java_murmur2_results";
  // the suffixes of "1234" and the long key cover every tail length (0–3 leftover bytes).
  it.each([
    ["kafka", 0xd067cf64],
    ["giberish123456789", 0x8f552b0c],
    ["1234", 0x9fc97b14],
    ["234", 0xe7c009ca],
    ["34", 0x873930da],
    ["4", 0x5a4b5ca1],
    ["PreAmbleWillBeRemoved,ThePrePartThatIs", 0x78424f1c],
    ["reAmbleWillBeRemoved,ThePrePartThatIs", 0x4a62b377],
    ["eAmbleWillBeRemoved,ThePrePartThatIs", 0xe0e4e09e],
    ["AmbleWillBeRemoved,ThePrePartThatIs", 0x62b8b43f],
    ["", 0x106e08d9],
  ])("hashes %j as librdkafka's Java-compatible vectors expect", (key, expected) => {
    expect(murmur2(utf8(key))).toBe(expected | 0);
  });

  // kafkajs's defaultJava/murmur2.spec.js, "generated with src/producer/partitioners/defaultJava/Test.java".
  it.each([
    ["0", 971027396],
    ["1", -1993445489],
    ["128", -326012175],
    ["2187", -1508407203],
    ["16384", -325739742],
    ["78125", -1654490814],
    ["279936", 1462227128],
    ["823543", -2014198330],
    ["2097152", 607668903],
    ["4782969", -1182699775],
    ["10000000", -1830336757],
    ["19487171", -1603849305],
    ["35831808", -857013643],
    ["62748517", -1167431028],
    ["105413504", -381294639],
    ["170859375", -1658323481],
    ["100:48069", 1009543857],
  ])("hashes %j as kafkajs's Java-generated vectors expect", (key, expected) => {
    expect(murmur2(utf8(key))).toBe(expected);
  });

  // Printed by Apache Kafka 4.3.1's kafka-clients jar (the one apps/kafka-local runs):
  // Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)) — UTF-8 keys of 2-, 3- and 4-byte characters.
  it.each([
    ["café", -1358007374],
    ["über-schlüssel", -1457870786],
    ["ключ", 2122343024],
    ["键-42", 252977803],
    ["🦀", 1309741855],
    ["🦀-rust", 1760377620],
    ["日本語のキー", -734675706],
    ["naïve-ü-ß-€", -1471805526],
  ])("hashes the UTF-8 bytes of %j as Kafka's Java client does", (key, expected) => {
    expect(murmur2(utf8(key))).toBe(expected);
  });

  it("hashes arbitrary bytes, including ones above 0x7f, as Kafka's Java client does", () => {
    // Java: Utils.murmur2(new byte[] {(byte) 0xff, 0x00, (byte) 0x80, 0x7f, (byte) 0xfe}) on kafka-clients 4.3.1.
    expect(murmur2(new Uint8Array([0xff, 0x00, 0x80, 0x7f, 0xfe]))).toBe(1118688894);
  });

  it("reads only the view's bytes when the key is a slice of a larger, unaligned buffer", () => {
    const key = utf8("a-little-bit-long-string");
    for (const offset of [1, 2, 3, 5]) {
      const backing = new Uint8Array(offset + key.length + 7).fill(0xaa);
      backing.set(key, offset);
      expect(murmur2(backing.subarray(offset, offset + key.length))).toBe(-985981536);
    }
  });
});

describe("toPositive", () => {
  it("clears the sign bit as Kafka's Utils.toPositive does, unlike Math.abs", () => {
    expect(toPositive(5)).toBe(5);
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-(2 ** 31))).toBe(0);
  });
});

describe("partitionForKey", () => {
  // Printed by kafka-clients 4.3.1: BuiltInPartitioner.partitionForKey(key UTF-8 bytes, n).
  it.each([
    ["server-1-cpu", { 2: 0, 3: 1, 6: 4, 12: 10 }],
    ["server-2-cpu", { 2: 1, 3: 2, 6: 5, 12: 5 }],
    ["server-3-cpu", { 2: 1, 3: 2, 6: 5, 12: 11 }],
    ["server-4-cpu", { 2: 1, 3: 1, 6: 1, 12: 1 }],
    ["sensor-42", { 2: 1, 3: 1, 6: 1, 12: 1 }],
    ["kafka", { 2: 0, 3: 1, 6: 4, 12: 4 }],
    ["foobar", { 2: 0, 3: 0, 6: 0, 12: 6 }],
    ["ключ", { 2: 0, 3: 2, 6: 2, 12: 8 }],
    ["键-42", { 2: 1, 3: 1, 6: 1, 12: 7 }],
    ["🦀", { 2: 1, 3: 1, 6: 1, 12: 7 }],
    ["日本語のキー", { 2: 0, 3: 2, 6: 2, 12: 2 }],
  ])("puts %j where Kafka's Java producer does", (key, expected) => {
    for (const [partitionCount, partition] of Object.entries(expected)) {
      expect(partitionForKey(key, Number(partitionCount))).toBe(partition);
    }
  });

  it("matches the seeds' example: with two partitions server-1-cpu goes to 0, server-2-cpu and server-3-cpu to 1", () => {
    expect(["server-1-cpu", "server-2-cpu", "server-3-cpu"].map((key) => partitionForKey(key, 2))).toEqual([0, 1, 1]);
  });

  it("gives a string and its UTF-8 bytes the same partition", () => {
    for (const key of ["server-1-cpu", "über-schlüssel", "🦀-rust"]) {
      expect(partitionForKey(utf8(key), 7)).toBe(partitionForKey(key, 7));
    }
  });

  it("hashes an empty key, which is not a null key", () => {
    // Kafka hashes zero bytes like any key: murmur2 of "" is 0x106e08d9 = 275646681; 275646681 % 6 = 3.
    expect(partitionForKey("", 6)).toBe(3);
    expect(partitionForKey(new Uint8Array(), 12)).toBe(9);
  });

  it("returns null for a null key, because Kafka's producer picks that partition itself", () => {
    expect(partitionForKey(null, 6)).toBeNull();
  });

  it("always answers 0 for a topic with one partition", () => {
    expect(partitionForKey("anything", 1)).toBe(0);
  });

  it("rejects a partition count that is not a whole number of at least 1", () => {
    for (const partitionCount of [0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => partitionForKey("k", partitionCount)).toThrow(RangeError);
    }
    expect(() => partitionForKey(null, 0)).toThrow(RangeError);
  });
});

describe("keyBytes", () => {
  it("encodes a string key as UTF-8, as Kafka's StringSerializer does", () => {
    expect([...keyBytes("é€🦀")]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xa6, 0x80]);
  });

  it("passes bytes through unchanged", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(keyBytes(bytes)).toBe(bytes);
  });

  it("encodes an unpaired surrogate as U+FFFD, as kafkajs does (Java would write '?')", () => {
    expect([...keyBytes("a\uD800b")]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
});
