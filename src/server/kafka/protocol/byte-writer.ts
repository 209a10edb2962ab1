import "server-only";

/**
 * The one writer of Kafka's wire format (the counterpart of byte-reader.ts): fields are appended in
 * order and `toBuffer()` joins them. Classic int16-length strings and int32-length arrays, and the
 * flexible versions' compact strings, compact arrays and (empty) tagged-field sections.
 */
export class ByteWriter {
  private readonly parts: Buffer[] = [];

  private fixed(size: number, write: (buffer: Buffer) => void): this {
    const buffer = Buffer.alloc(size);
    write(buffer);
    this.parts.push(buffer);
    return this;
  }

  int8(value: number): this {
    return this.fixed(1, (buffer) => buffer.writeInt8(value));
  }

  int16(value: number): this {
    return this.fixed(2, (buffer) => buffer.writeInt16BE(value));
  }

  int32(value: number): this {
    return this.fixed(4, (buffer) => buffer.writeInt32BE(value));
  }

  int64(value: bigint): this {
    return this.fixed(8, (buffer) => buffer.writeBigInt64BE(value));
  }

  boolean(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  unsignedVarInt(value: number): this {
    const bytes: number[] = [];
    let rest = value >>> 0;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  /** int16 length, then UTF-8 bytes. */
  string(value: string): this {
    const bytes = Buffer.from(value, "utf8");
    this.int16(bytes.length);
    this.parts.push(bytes);
    return this;
  }

  /** int32 count, then each item as `write` appends it. */
  array<T>(items: readonly T[], write: (writer: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }

  /** Unsigned varint of length + 1, then UTF-8 bytes. */
  compactString(value: string): this {
    const bytes = Buffer.from(value, "utf8");
    this.unsignedVarInt(bytes.length + 1);
    this.parts.push(bytes);
    return this;
  }

  compactArray<T>(items: readonly T[], write: (writer: this, item: T) => void): this {
    this.unsignedVarInt(items.length + 1);
    for (const item of items) write(this, item);
    return this;
  }

  /** An empty tagged-field section (we set no tagged field). */
  noTaggedFields(): this {
    return this.unsignedVarInt(0);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}
