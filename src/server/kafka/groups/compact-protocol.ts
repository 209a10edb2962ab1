import "server-only";

/**
 * The "flexible" encoding of Kafka's newer requests (KIP-482): compact strings and arrays (length + 1
 * as an unsigned varint) and tagged-field sections. kafkajs 2.2.4 writes request header v1 and reads
 * response header v0; header v2 / v1 add one tagged-field section each, so an empty one (0x00) leads
 * the body we send and is skipped first in the body we receive.
 */

export class CompactReader {
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
    if (this.at + bytes > this.buffer.length) throw new RangeError("Kafka's response ended early");
    this.at += bytes;
  }

  unsignedVarInt(): number {
    let value = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      const byte = this.buffer[this.at];
      if (byte === undefined) throw new RangeError("Kafka's response ended early");
      this.at += 1;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
    throw new RangeError("Kafka's response has a varint longer than 5 bytes");
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

export function unsignedVarInt(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

export function compactString(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([unsignedVarInt(bytes.length + 1), bytes]);
}

export function compactArray(items: readonly Buffer[]): Buffer {
  return Buffer.concat([unsignedVarInt(items.length + 1), ...items]);
}
