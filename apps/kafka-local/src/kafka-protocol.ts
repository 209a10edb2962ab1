/**
 * Just enough of the Kafka wire protocol for a readiness probe: a Metadata request and its response.
 * Metadata v8 is the newest non-flexible version (v9+ use compact encodings), so plain
 * big-endian fields suffice; Kafka 4 dropped only v0–v3 (KIP-896).
 */
export const METADATA_API_KEY = 3;
export const METADATA_VERSION = 8;

export type MetadataBroker = { nodeId: number; host: string; port: number; rack: string | null };
export type MetadataPartition = {
  errorCode: number;
  partition: number;
  leaderId: number;
  replicas: number[];
  isr: number[];
};
export type MetadataTopic = { errorCode: number; name: string; isInternal: boolean; partitions: MetadataPartition[] };
export type MetadataResponse = {
  correlationId: number;
  brokers: MetadataBroker[];
  clusterId: string | null;
  controllerId: number;
  topics: MetadataTopic[];
};

/**
 * A size-prefixed Metadata v8 request. `topics: []` asks for brokers only (null would mean all topics).
 */
export function encodeMetadataRequest(correlationId: number, clientId: string, topics: string[] = []): Buffer {
  const parts: Buffer[] = [int16(METADATA_API_KEY), int16(METADATA_VERSION), int32(correlationId), string(clientId)];
  parts.push(int32(topics.length), ...topics.map(string));
  parts.push(bool(false), bool(false), bool(false)); // auto-create topics, cluster ops, topic ops
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length), body]);
}

/** Decodes a Metadata v8 response frame body (without the 4-byte size prefix). */
export function decodeMetadataResponse(frame: Buffer): MetadataResponse {
  const reader = new Reader(frame);
  const correlationId = reader.int32();
  reader.int32(); // throttle_time_ms
  const brokers = reader.array(() => ({
    nodeId: reader.int32(),
    host: reader.string(),
    port: reader.int32(),
    rack: reader.nullableString(),
  }));
  const clusterId = reader.nullableString();
  const controllerId = reader.int32();
  const topics = reader.array(() => {
    const topic = {
      errorCode: reader.int16(),
      name: reader.string(),
      isInternal: reader.bool(),
      partitions: reader.array(() => {
        const partition = { errorCode: reader.int16(), partition: reader.int32(), leaderId: reader.int32() };
        reader.int32(); // leader_epoch
        const replicas = reader.array(() => reader.int32());
        const isr = reader.array(() => reader.int32());
        reader.array(() => reader.int32()); // offline_replicas
        return { ...partition, replicas, isr };
      }),
    };
    reader.int32(); // topic_authorized_operations
    return topic;
  });
  reader.int32(); // cluster_authorized_operations
  return { correlationId, brokers, clusterId, controllerId, topics };
}

/** Splits a byte stream into size-prefixed frames; returns the complete frames and the rest. */
export function takeFrames(buffered: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let offset = 0;
  while (buffered.length - offset >= 4) {
    const size = buffered.readInt32BE(offset);
    if (size < 0) throw new Error(`Invalid Kafka frame size ${size}`);
    if (buffered.length - offset - 4 < size) break;
    frames.push(buffered.subarray(offset + 4, offset + 4 + size));
    offset += 4 + size;
  }
  return { frames, rest: buffered.subarray(offset) };
}

class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  int16(): number {
    return this.take(2).readInt16BE(0);
  }
  int32(): number {
    return this.take(4).readInt32BE(0);
  }
  bool(): boolean {
    return this.take(1).readInt8(0) !== 0;
  }
  string(): string {
    const value = this.nullableString();
    if (value === null) throw new Error("Unexpected null string in Kafka response");
    return value;
  }
  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.take(length).toString("utf8");
  }
  array<T>(readItem: () => T): T[] {
    const length = this.int32();
    const items: T[] = [];
    for (let index = 0; index < length; index++) items.push(readItem());
    return items;
  }
  private take(length: number): Buffer {
    if (this.offset + length > this.buffer.length) throw new Error("Truncated Kafka response");
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

function int16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
}
function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}
function bool(value: boolean): Buffer {
  return Buffer.from([value ? 1 : 0]);
}
function string(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([int16(bytes.length), bytes]);
}
