import "server-only";
import type { TGroupMember } from "~/domain/groups/group-dto";
import type { CoordinatorBroker } from "./offsets-coordinator";

/**
 * ConsumerGroupDescribe (API key 69, KIP-848): what the classic DescribeGroups cannot say about a
 * group on Kafka 4's new consumer protocol — its state, epochs and members with their assignment.
 * kafkajs 2.2.4 does not know this request, so it is encoded here and sent through the
 * coordinator broker's kafkajs connection, like OffsetDelete in offsets-coordinator.ts.
 *
 * It is a "flexible" request: compact strings and arrays, tagged fields. kafkajs writes request
 * header v1 and reads response header v0; header v2 / v1 add one tagged-field section each, so an
 * empty one (0x00) leads the body we send and is skipped first in the body we receive.
 */

export const CONSUMER_GROUP_DESCRIBE_API_KEY = 69;

export type TConsumerGroupDescription = {
  groupId: string;
  /** Kafka's error code for this group (0: none; 69 GROUP_ID_NOT_FOUND: not a consumer-protocol group). */
  errorCode: number;
  /** Empty, Assigning, Reconciling, Stable, Dead. */
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: (TGroupMember & { memberEpoch: number })[];
};

/** Whether the broker speaks ConsumerGroupDescribe (Kafka 3.7+ with the new protocol; 4.0 on). */
export function supportsConsumerGroupDescribe(coordinator: CoordinatorBroker): boolean {
  const range = coordinator.versions?.[CONSUMER_GROUP_DESCRIBE_API_KEY];
  return range !== undefined && range.minVersion <= 0 && range.maxVersion >= 0;
}

export async function consumerGroupDescribe(
  coordinator: CoordinatorBroker,
  groupIds: readonly string[],
): Promise<TConsumerGroupDescription[]> {
  const body = Buffer.concat([
    Buffer.from([0]), // request header v2: no tagged fields
    compactArray(groupIds.map(compactString)),
    Buffer.from([0]), // IncludeAuthorizedOperations = false
    Buffer.from([0]), // no tagged fields
  ]);
  const response = await coordinator.connectionPool.send({
    request: {
      apiKey: CONSUMER_GROUP_DESCRIBE_API_KEY,
      apiVersion: 0,
      apiName: "ConsumerGroupDescribe",
      encode: () => Promise.resolve({ buf: body, buffer: body }),
    },
    response: {
      decode: (payload) => Promise.resolve(decodeConsumerGroupDescribe(payload)),
      parse: (decoded) => Promise.resolve(decoded),
    },
  });
  return response as TConsumerGroupDescription[];
}

/** ConsumerGroupDescribe Response v0, after kafkajs has read the correlation id. */
export function decodeConsumerGroupDescribe(payload: Buffer): TConsumerGroupDescription[] {
  const reader = new CompactReader(payload);
  reader.skipTaggedFields(); // response header v1
  reader.int32(); // throttle_time_ms
  const groups = reader.array(() => {
    const errorCode = reader.int16();
    reader.nullableString(); // error message
    const groupId = reader.string();
    const state = reader.string();
    const groupEpoch = reader.int32();
    const assignmentEpoch = reader.int32();
    const assignor = reader.string();
    const members = reader.array(() => {
      const memberId = reader.string();
      reader.nullableString(); // instance id
      reader.nullableString(); // rack id
      const memberEpoch = reader.int32();
      const clientId = reader.string();
      const host = reader.string();
      reader.array(() => reader.string()); // subscribed topic names
      reader.nullableString(); // subscribed topic regex
      const assignment = readAssignment(reader);
      readAssignment(reader); // target assignment
      reader.skipTaggedFields();
      return { memberId, clientId, host, memberEpoch, assignment };
    });
    reader.int32(); // authorized operations
    reader.skipTaggedFields();
    return { groupId, errorCode, state, groupEpoch, assignmentEpoch, assignor, members };
  });
  reader.skipTaggedFields();
  return groups;
}

function readAssignment(reader: CompactReader): TGroupMember["assignment"] {
  const topics = reader.array(() => {
    reader.skip(16); // topic id (uuid)
    const topic = reader.string();
    const partitions = reader.array(() => reader.int32()).sort((a, b) => a - b);
    reader.skipTaggedFields();
    return { topic, partitions };
  });
  reader.skipTaggedFields();
  return topics.sort((a, b) => a.topic.localeCompare(b.topic));
}

class CompactReader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  int16(): number {
    const value = this.buffer.readInt16BE(this.at);
    this.at += 2;
    return value;
  }

  int32(): number {
    const value = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return value;
  }

  skip(bytes: number): void {
    if (this.at + bytes > this.buffer.length) throw new RangeError("ConsumerGroupDescribe response ended early");
    this.at += bytes;
  }

  unsignedVarInt(): number {
    let value = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      const byte = this.buffer[this.at];
      if (byte === undefined) throw new RangeError("ConsumerGroupDescribe response ended early");
      this.at += 1;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
    throw new RangeError("ConsumerGroupDescribe response has a varint longer than 5 bytes");
  }

  nullableString(): string | null {
    const lengthPlusOne = this.unsignedVarInt();
    if (lengthPlusOne === 0) return null;
    const start = this.at;
    this.skip(lengthPlusOne - 1);
    return this.buffer.toString("utf8", start, this.at);
  }

  string(): string {
    return this.nullableString() ?? "";
  }

  array<T>(item: () => T): T[] {
    const lengthPlusOne = this.unsignedVarInt();
    return Array.from({ length: Math.max(lengthPlusOne - 1, 0) }, item);
  }

  skipTaggedFields(): void {
    const count = this.unsignedVarInt();
    for (let index = 0; index < count; index += 1) {
      this.unsignedVarInt(); // tag
      this.skip(this.unsignedVarInt());
    }
  }
}

function unsignedVarInt(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function compactString(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([unsignedVarInt(bytes.length + 1), bytes]);
}

function compactArray(items: readonly Buffer[]): Buffer {
  return Buffer.concat([unsignedVarInt(items.length + 1), ...items]);
}
