import "server-only";

/**
 * The one reader of Kafka's wire format for the requests kafkajs 2.2.4 lacks (every file under
 * protocol/ decodes with it). Classic fields — int16-length strings, int32-length arrays — and the
 * "flexible" ones of newer versions (KIP-482): compact strings and arrays (length + 1 as an
 * unsigned varint) and tagged-field sections. A field past the end throws a RangeError: a
 * truncated answer is never read as zeros.
 */
export class ByteReader {
  private at: number;

  constructor(
    private readonly buffer: Buffer,
    offset = 0,
  ) {
    this.at = offset;
  }

  /** Where the next field starts. */
  get position(): number {
    return this.at;
  }

  get remaining(): number {
    return this.buffer.length - this.at;
  }

  private take(bytes: number): number {
    if (bytes < 0 || this.at + bytes > this.buffer.length) throw new RangeError("Kafka's answer ended early");
    const start = this.at;
    this.at += bytes;
    return start;
  }

  int8(): number {
    return this.buffer.readInt8(this.take(1));
  }

  int16(): number {
    return this.buffer.readInt16BE(this.take(2));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.take(4));
  }

  int64(): bigint {
    return this.buffer.readBigInt64BE(this.take(8));
  }

  skip(bytes: number): void {
    this.take(bytes);
  }

  unsignedVarInt(): number {
    let value = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      const byte = this.buffer[this.take(1)]!;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
    throw new RangeError("Kafka's answer has a varint longer than 5 bytes");
  }

  private text(length: number): string {
    const start = this.take(length);
    return this.buffer.toString("utf8", start, this.at);
  }

  /** int16 length (-1: null), then UTF-8 bytes. */
  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.text(length);
  }

  string(): string {
    return this.nullableString() ?? "";
  }

  /** int32 count (-1: null, read as none), then the items. */
  array<T>(item: () => T): T[] {
    return Array.from({ length: Math.max(this.int32(), 0) }, item);
  }

  /** Unsigned varint of length + 1 (0: null), then UTF-8 bytes. */
  compactNullableString(): string | null {
    const lengthPlusOne = this.unsignedVarInt();
    return lengthPlusOne === 0 ? null : this.text(lengthPlusOne - 1);
  }

  compactString(): string {
    return this.compactNullableString() ?? "";
  }

  compactArray<T>(item: () => T): T[] {
    return Array.from({ length: Math.max(this.unsignedVarInt() - 1, 0) }, item);
  }

  /** A tagged-field section: none of the optional fields we read are tagged, so each is skipped. */
  skipTaggedFields(): void {
    const count = this.unsignedVarInt();
    for (let index = 0; index < count; index += 1) {
      this.unsignedVarInt(); // tag
      this.skip(this.unsignedVarInt());
    }
  }
}
