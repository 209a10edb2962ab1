/**
 * The Confluent wire format: magic byte 0, the schema id as a big-endian int32, then the payload
 * (for Protobuf, message indexes come first). A plain Avro payload may start with byte 0 too, so a
 * frame is only believed when its schema id is one the topic knows (TopicSchemaVersion.id).
 */
export const CONFLUENT_HEADER_BYTES = 5;

export function readConfluentFrame(bytes: Uint8Array): { schemaId: number; payload: Uint8Array } | null {
  if (bytes.length < CONFLUENT_HEADER_BYTES || bytes[0] !== 0) return null;
  const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1, false);
  if (schemaId <= 0) return null;
  return { schemaId, payload: bytes.subarray(CONFLUENT_HEADER_BYTES) };
}

/**
 * Protobuf frames carry the path of the message type in the file after the schema id: a zigzag
 * varint count, then that many zigzag varint indexes; a single 0 byte is shorthand for [0].
 * Null when the bytes end early.
 */
export function readMessageIndexes(payload: Uint8Array): { indexes: number[]; rest: Uint8Array } | null {
  let position = 0;
  const readVarint = (): number | null => {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = payload[position++];
      if (byte === undefined) return null;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (result >>> 1) ^ -(result & 1);
    }
    return null;
  };
  const count = readVarint();
  if (count === null || count < 0 || count > 100) return null;
  if (count === 0) return { indexes: [0], rest: payload.subarray(position) };
  const indexes: number[] = [];
  for (let index = 0; index < count; index++) {
    const value = readVarint();
    if (value === null || value < 0) return null;
    indexes.push(value);
  }
  return { indexes, rest: payload.subarray(position) };
}
