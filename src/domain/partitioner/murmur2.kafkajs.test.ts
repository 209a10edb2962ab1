import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { murmur2, partitionForKey } from "./murmur2";

/**
 * kafkajs 2.2.4's DefaultPartitioner is Java-compatible and is what the app's producers use, so it
 * is an oracle for many more keys than published vectors cover. Loaded with `require` because its
 * sources are CommonJS without types; only this test reaches into kafkajs from src/domain.
 */
const requireCjs = createRequire(import.meta.url);
const kafkajsMurmur2 = requireCjs("kafkajs/src/producer/partitioners/default/murmur2.js") as (
  key: Buffer | string,
) => number;
type KafkajsPartitioner = (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  message: { key: Buffer | string | null; partition?: number };
}) => number;
const { Partitioners } = requireCjs("kafkajs") as { Partitioners: { DefaultPartitioner: () => KafkajsPartitioner } };

/** mulberry32: a tiny seeded generator, so a failure names a key that reproduces. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomBytes(random: () => number, maxLength: number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(random() * (maxLength + 1)) }, () => Math.floor(random() * 256));
}

/** Random text mixing 1-, 2-, 3- and 4-byte UTF-8 characters (no lone surrogates). */
function randomText(random: () => number, maxChars: number): string {
  const ranges = [
    [0x20, 0x7e],
    [0x80, 0x7ff],
    [0x800, 0xd7ff],
    [0xe000, 0xffff],
    [0x10000, 0x10ffff],
  ] as const;
  let text = "";
  const chars = Math.floor(random() * (maxChars + 1));
  for (let index = 0; index < chars; index++) {
    const [low, high] = ranges[Math.floor(random() * ranges.length)] ?? ranges[0];
    text += String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
  }
  return text;
}

const SAMPLES = 3000;

describe("murmur2 against kafkajs's Java-compatible implementation", () => {
  it("agrees on random byte keys of every length up to 64", () => {
    const random = seededRandom(0x5eed);
    for (let sample = 0; sample < SAMPLES; sample++) {
      const key = randomBytes(random, 64);
      expect(murmur2(key), `bytes ${Buffer.from(key).toString("hex")}`).toBe(kafkajsMurmur2(Buffer.from(key)));
    }
  });

  it("agrees on random multi-byte UTF-8 string keys", () => {
    const random = seededRandom(0xc0ffee);
    for (let sample = 0; sample < SAMPLES; sample++) {
      const key = randomText(random, 24);
      expect(murmur2(new TextEncoder().encode(key)), JSON.stringify(key)).toBe(kafkajsMurmur2(key));
    }
  });

  it("agrees on keys shaped like the simulator's sensor streams", () => {
    for (let server = 0; server < 500; server++) {
      for (const metric of ["cpu", "memory", "disk"]) {
        const key = `server-${server}-${metric}`;
        expect(murmur2(new TextEncoder().encode(key)), key).toBe(kafkajsMurmur2(key));
      }
    }
  });
});

describe("partitionForKey against kafkajs's DefaultPartitioner", () => {
  it("picks the partition kafkajs's producer picks, for string and byte keys and many partition counts", () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const random = seededRandom(0xbeef);
    for (const partitionCount of [1, 2, 3, 5, 6, 7, 12, 50, 100, 1000]) {
      const partitionMetadata = Array.from({ length: partitionCount }, (_, partitionId) => ({
        partitionId,
        leader: 0,
      }));
      for (let sample = 0; sample < 300; sample++) {
        const text = randomText(random, 16);
        const bytes = randomBytes(random, 32);
        const pick = (key: Buffer | string) => partitioner({ topic: "t", partitionMetadata, message: { key } });
        expect(partitionForKey(text, partitionCount), JSON.stringify(text)).toBe(pick(text));
        expect(partitionForKey(bytes, partitionCount)).toBe(pick(Buffer.from(bytes)));
      }
    }
  });

  it("encodes a lone surrogate the way kafkajs does", () => {
    expect(murmur2(new TextEncoder().encode("a\uD800b"))).toBe(kafkajsMurmur2("a\uD800b"));
  });
});
