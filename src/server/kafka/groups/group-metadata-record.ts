import "server-only";
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

/** The group a record is about, or null for records of other types (offset commits, members…). */
export function decodeGroupMetadataRecord(key: Buffer | null, value: Buffer | null): TGroupMetadataRecord | null {
  if (!key || key.length < 4) return null;
  const type = key.readInt16BE(0);
  if (type !== CLASSIC_GROUP_METADATA && type !== CONSUMER_GROUP_METADATA) return null;
  const groupId = readString(key, 2)?.text;
  if (groupId === undefined) return null;
  const kind = type === CLASSIC_GROUP_METADATA ? "classic" : "consumer";
  if (!value) return { groupId, kind, generation: null };
  const generation = kind === "classic" ? classicGeneration(value) : consumerEpoch(value);
  return generation === null ? null : { groupId, kind, generation };
}

function classicGeneration(value: Buffer): number | null {
  if (value.length < 2) return null;
  const version = value.readInt16BE(0);
  const protocolType =
    version >= FIRST_FLEXIBLE_GROUP_METADATA_VERSION ? readCompactString(value, 2) : readString(value, 2);
  if (!protocolType || value.length < protocolType.end + 4) return null;
  return value.readInt32BE(protocolType.end);
}

function consumerEpoch(value: Buffer): number | null {
  return value.length < 6 ? null : value.readInt32BE(2);
}

function readString(buffer: Buffer, at: number): { text: string; end: number } | undefined {
  if (buffer.length < at + 2) return undefined;
  const length = buffer.readInt16BE(at);
  const end = at + 2 + Math.max(length, 0);
  if (length < 0 || buffer.length < end) return undefined;
  return { text: buffer.toString("utf8", at + 2, end), end };
}

/** A compact string: unsigned varint of length + 1, then the bytes. */
function readCompactString(buffer: Buffer, at: number): { text: string; end: number } | undefined {
  let lengthPlusOne = 0;
  let shift = 0;
  let position = at;
  for (;;) {
    if (position >= buffer.length || shift > 28) return undefined;
    const byte = buffer[position]!;
    position += 1;
    lengthPlusOne |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
  }
  const end = position + Math.max(lengthPlusOne - 1, 0);
  if (lengthPlusOne === 0 || buffer.length < end) return undefined;
  return { text: buffer.toString("utf8", position, end), end };
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
