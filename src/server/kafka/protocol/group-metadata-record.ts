import "server-only";
import { ByteReader } from "./byte-reader";
/**
 * Decodes the group coordinator's own records in `__consumer_offsets` just far enough to learn a
 * group's generation. DescribeGroups does not report it; the coordinator writes it into this log
 * each time a rebalance completes. Pure (no kafkajs), so it is unit-tested on bytes.
 *
 * Key: int16 record type, then the group id (int16-length string). Values:
 * - type 2, GroupMetadataValue (classic groups): int16 version, ProtocolType (string; compact from
 *   version 4), Generation (int32).
 * - type 3, ConsumerGroupMetadataValue (KIP-848 groups): int16 version, Epoch (int32) — the group
 *   epoch, which the new protocol bumps where the classic one starts a generation.
 * A record with no value (a tombstone) means the group was deleted.
 */

export const CLASSIC_GROUP_METADATA = 2;
export const CONSUMER_GROUP_METADATA = 3;
/** GroupMetadataValue became a flexible version (compact strings) at version 4. */
const FIRST_FLEXIBLE_GROUP_METADATA_VERSION = 4;

export type TGroupMetadataRecord = {
  groupId: string;
  kind: "classic" | "consumer";
  /** The generation (classic) or group epoch (KIP-848); null for a tombstone. */
  generation: number | null;
};

/** The group a record is about, or null for records of other types (offset commits, members…) and cut-off ones. */
export function decodeGroupMetadataRecord(key: Buffer | null, value: Buffer | null): TGroupMetadataRecord | null {
  try {
    return decode(key, value);
  } catch (error) {
    // A record too short for its own fields is none we can learn a generation from.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function decode(key: Buffer | null, value: Buffer | null): TGroupMetadataRecord | null {
  if (!key) return null;
  const keyReader = new ByteReader(key);
  const type = keyReader.int16();
  if (type !== CLASSIC_GROUP_METADATA && type !== CONSUMER_GROUP_METADATA) return null;
  const groupId = keyReader.nullableString();
  if (groupId === null) return null;
  const kind = type === CLASSIC_GROUP_METADATA ? "classic" : "consumer";
  if (!value) return { groupId, kind, generation: null };
  const reader = new ByteReader(value);
  const version = reader.int16();
  if (kind === "consumer") return { groupId, kind, generation: reader.int32() };
  const protocolType =
    version >= FIRST_FLEXIBLE_GROUP_METADATA_VERSION ? reader.compactNullableString() : reader.nullableString();
  if (protocolType === null) return null;
  return { groupId, kind, generation: reader.int32() };
}

/** Kafka's `Utils.abs(groupId.hashCode()) % partitions`: the partition that holds a group's records. */
export function offsetsPartitionFor(groupId: string, partitionCount: number): number {
  let hash = 0;
  // Java's String.hashCode over UTF-16 code units, in 32-bit arithmetic.
  for (let index = 0; index < groupId.length; index += 1) hash = (Math.imul(31, hash) + groupId.charCodeAt(index)) | 0;
  // Kafka's Utils.abs is Math.abs, except that it maps Integer.MIN_VALUE to 0.
  const positive = hash === -0x80000000 ? 0 : Math.abs(hash);
  return positive % partitionCount;
}
