/**
 * Where Kafka's default partitioner puts a keyed record, computed exactly as the Java client does so
 * the app can predict it (key lookup, "add partitions" warnings, key distribution).
 *
 * Ported from Apache Kafka's `org.apache.kafka.common.utils.Utils.murmur2(byte[])` and
 * `Utils.toPositive(int)`; the partition is `BuiltInPartitioner.partitionForKey` (Kafka ≥ 3.3, the
 * `DefaultPartitioner` before): `toPositive(murmur2(serializedKey)) % numPartitions`. kafkajs's
 * `Partitioners.DefaultPartitioner` (v2, formerly `JavaCompatiblePartitioner`) and librdkafka's
 * `murmur2_random` partitioner compute the same thing.
 */

// MurmurHash2's constants as Kafka uses them: 'm' and 'r' are the mixing constants of Austin
// Appleby's algorithm, the seed is Kafka's own choice.
const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

const utf8 = new TextEncoder();

/**
 * Kafka's murmur2 of `data` as the Java `int` it returns (signed 32-bit). Java's int arithmetic
 * wraps, so every multiplication goes through `Math.imul` and every shift is `>>>` as in Java.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  // A DataView reads the little-endian 4-byte blocks Java assembles byte by byte.
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let h = SEED ^ length;

  const blocksEnd = length & ~3;
  for (let offset = 0; offset < blocksEnd; offset += 4) {
    let k = view.getInt32(offset, true);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }

  // The last 1–3 bytes; Java's `switch (length % 4)` falls through from case 3 to case 1.
  const remaining = length & 3;
  if (remaining === 3) h ^= view.getUint8(blocksEnd + 2) << 16;
  if (remaining >= 2) h ^= view.getUint8(blocksEnd + 1) << 8;
  if (remaining >= 1) {
    h ^= view.getUint8(blocksEnd);
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * Kafka's `Utils.toPositive`: clears the sign bit. Not `Math.abs` — that would differ for negative
 * hashes and overflow for `-2^31`, and keys would land elsewhere than Kafka puts them.
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/**
 * The bytes Kafka hashes for a key: a string as UTF-8, as Kafka's `StringSerializer` (and kafkajs)
 * write it. One corner differs: Java encodes an unpaired UTF-16 surrogate as `?`, `TextEncoder` and
 * kafkajs as U+FFFD, so such a malformed string key hashes as kafkajs (not a Java producer) sends it.
 */
export function keyBytes(key: Uint8Array | string): Uint8Array {
  return typeof key === "string" ? utf8.encode(key) : key;
}

/**
 * The partition Kafka's default partitioner chooses for `key` among `partitionCount` partitions.
 *
 * A `null` key is not hashed: Kafka's producer then picks a partition itself (the sticky
 * partitioner, KIP-480/KIP-794; kafkajs round-robins), so it cannot be predicted and the result is
 * `null`. An empty key (`""` or zero bytes) is not null — Kafka hashes it like any other key.
 */
export function partitionForKey(key: Uint8Array | string, partitionCount: number): number;
export function partitionForKey(key: Uint8Array | string | null, partitionCount: number): number | null;
export function partitionForKey(key: Uint8Array | string | null, partitionCount: number): number | null {
  assertPartitionCount(partitionCount);
  if (key === null) return null;
  return toPositive(murmur2(keyBytes(key))) % partitionCount;
}

/** A topic has at least one partition; anything else is a caller's bug, not a Kafka answer. */
export function assertPartitionCount(partitionCount: number): void {
  if (!Number.isSafeInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`A partition count is a whole number of at least 1, not ${partitionCount}.`);
  }
}
