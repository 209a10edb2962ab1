/**
 * The few ASN.1 DER encoders an X.509 certificate needs (ITU-T X.690). Node can make and use keys
 * but cannot write a certificate, and this keeps the local CA free of openssl and of npm packages.
 */

/** One DER element: tag byte, definite length, contents. */
export function derElement(tag: number, contents: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(contents.length), contents]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const derSequence = (...items: Buffer[]) => derElement(0x30, Buffer.concat(items));
export const derSet = (...items: Buffer[]) => derElement(0x31, Buffer.concat(items));
export const derOctetString = (contents: Buffer) => derElement(0x04, contents);
export const derUtf8String = (text: string) => derElement(0x0c, Buffer.from(text, "utf8"));
export const derBoolean = (value: boolean) => derElement(0x01, Buffer.from([value ? 0xff : 0x00]));
/** `[n] EXPLICIT` (constructed, context-specific). */
export const derExplicit = (n: number, inner: Buffer) => derElement(0xa0 | n, inner);
/** `[n] IMPLICIT` of a primitive type: the contents keep their bytes, the tag changes. */
export const derImplicit = (n: number, contents: Buffer) => derElement(0x80 | n, contents);

/** A non-negative INTEGER from big-endian bytes (a leading 0x00 keeps the sign bit clear). */
export function derUnsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return derElement(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export const derSmallInteger = (value: number) => derUnsignedInteger(Buffer.from([value]));

/** A BIT STRING with no unused bits (keys, signatures, key-usage flags). */
export const derBitString = (contents: Buffer, unusedBits = 0) =>
  derElement(0x03, Buffer.concat([Buffer.from([unusedBits]), contents]));

/** An OBJECT IDENTIFIER from its dotted form, e.g. "2.5.29.17". */
export function derObjectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift((value % 128) | (groups.length > 0 ? 0x80 : 0));
      if (value < 128) break;
    }
    bytes.push(...groups);
  }
  return derElement(0x06, Buffer.from(bytes));
}

/** X.509 dates: UTCTime until 2049, GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z"; // YYYYMMDDHHMMSSZ
  return date.getUTCFullYear() < 2050
    ? derElement(0x17, Buffer.from(iso.slice(2), "ascii"))
    : derElement(0x18, Buffer.from(iso, "ascii"));
}
