import { assertPartitionCount, keyBytes, murmur2, toPositive } from "./murmur2";

/**
 * What adding partitions does to keyed streams. Kafka's default partitioner maps a key to
 * `hash % partitionCount`, so changing the count moves most keys to another partition: new records
 * of a moved key land there while its older records stay behind, and a consumer reading both
 * partitions no longer sees that key in order. The topic page shows this before "add partitions".
 */

/** One key that would land in a different partition. */
export type MovedKey = {
  /** The key as it was given (a string, or the raw bytes of a binary key). */
  key: string | Uint8Array;
  /** Its partition with the current partition count. */
  from: number;
  /** Its partition with the new partition count. */
  to: number;
};

export type KeyMovement = {
  /** Distinct non-null keys considered. */
  sampled: number;
  /** How many of them would land in a different partition. */
  moved: number;
  /** The first moved keys, in sample order, at most `maxExamples` of them. */
  movedKeys: MovedKey[];
};

export const DEFAULT_MOVED_KEY_EXAMPLES = 10;

/**
 * Counts the distinct keys of a sample whose partition changes from `fromPartitions` to
 * `toPartitions`. A string and its UTF-8 bytes are the same Kafka key and count once. Null keys are
 * skipped: Kafka never hashed them, so they have no partition to move from.
 */
export function countMovedKeys(
  keys: Iterable<string | Uint8Array | null>,
  fromPartitions: number,
  toPartitions: number,
  options: { maxExamples?: number } = {},
): KeyMovement {
  assertPartitionCount(fromPartitions);
  assertPartitionCount(toPartitions);
  const maxExamples = options.maxExamples ?? DEFAULT_MOVED_KEY_EXAMPLES;
  const seen = new Set<string>();
  const movedKeys: MovedKey[] = [];
  let moved = 0;

  for (const key of keys) {
    if (key === null) continue;
    const bytes = keyBytes(key);
    const identity = bytesIdentity(bytes);
    if (seen.has(identity)) continue;
    seen.add(identity);

    // partitionForKey for both counts, hashing once.
    const hash = toPositive(murmur2(bytes));
    const from = hash % fromPartitions;
    const to = hash % toPartitions;
    if (from === to) continue;
    moved += 1;
    if (movedKeys.length < maxExamples) movedKeys.push({ key, from, to });
  }

  return { sampled: seen.size, moved, movedKeys };
}

/** A string that is equal for equal byte sequences: one char per byte (Latin-1), so it is exact. */
function bytesIdentity(bytes: Uint8Array): string {
  let identity = "";
  // Chunks keep `String.fromCharCode`'s argument list well under engines' limits for large keys.
  for (let start = 0; start < bytes.length; start += 8192) {
    identity += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return identity;
}
