import avro from "avsc";

/**
 * avsc reads an array or map block by looping over the count the bytes claim, and only checks at
 * the end whether it read past the buffer. A five-byte payload can claim two billion items; for an
 * array of nulls (zero bytes each) that is two billion loop turns and an array as long. These
 * versions stop as soon as the read runs past the end (fromBuffer then reports the value as
 * truncated) and refuse more items than a payload could sensibly carry. Patched once, on the
 * prototypes, because avsc's compiled record readers call `_read` of the nested types.
 */
export const MAX_AVRO_ITEMS = 1_000_000;

type TTap = { pos: number; buf: Uint8Array; readLong(): number; skipLong(): void; readString(): string };
type TItemsType = { _read(tap: TTap): unknown };

function readBlockCount(tap: TTap): number {
  let count = tap.readLong();
  if (count < 0) {
    count = -count;
    tap.skipLong(); // The block's size in bytes, which a full read does not need.
  }
  return count;
}

function tooMany(): never {
  throw new Error(`An array or map in the value claims more than ${MAX_AVRO_ITEMS} items.`);
}

let isInstalled = false;

export function installAvroGuards(): void {
  if (isInstalled) return;
  isInstalled = true;
  const arrayPrototype = avro.types.ArrayType.prototype as unknown as {
    _read(tap: TTap): unknown;
    itemsType: TItemsType;
  };
  arrayPrototype._read = function (this: { itemsType: TItemsType }, tap: TTap) {
    const values: unknown[] = [];
    let count: number;
    while ((count = readBlockCount(tap))) {
      if (values.length + count > MAX_AVRO_ITEMS) tooMany();
      while (count-- > 0) {
        if (tap.pos > tap.buf.length) return values;
        values.push(this.itemsType._read(tap));
      }
    }
    return values;
  };
  const mapPrototype = avro.types.MapType.prototype as unknown as { _read(tap: TTap): unknown };
  mapPrototype._read = function (this: { valuesType: TItemsType }, tap: TTap) {
    // A null-prototype object: a map key "__proto__" is an entry, not a prototype.
    const values = Object.create(null) as Record<string, unknown>;
    let total = 0;
    let count: number;
    while ((count = readBlockCount(tap))) {
      total += count;
      if (total > MAX_AVRO_ITEMS) tooMany();
      while (count-- > 0) {
        if (tap.pos > tap.buf.length) return values;
        const key = tap.readString();
        values[key] = this.valuesType._read(tap);
      }
    }
    return values;
  };
}
