/**
 * JSON-like values as the schemas see them. Values parsed by parseJsonLossless carry numbers as
 * JsonNumber (the source digits); the validators want JS numbers, the encoders want exact 64-bit
 * integers, and the viewers want JSON text with every digit.
 */
import { JsonNumber } from "~/domain/messages/lossless-json";

const INTEGER = /^-?\d+$/;

export function isNumberLike(value: unknown): value is number | bigint | JsonNumber {
  return typeof value === "number" || typeof value === "bigint" || value instanceof JsonNumber;
}

/** The exact integer a number-like value holds, or null when it is not an integer. */
export function toExactInteger(value: unknown): bigint | null {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (value instanceof JsonNumber) {
    if (INTEGER.test(value.source)) return BigInt(value.source);
    const number = Number(value.source);
    return Number.isSafeInteger(number) ? BigInt(number) : null;
  }
  return null;
}

export function toNumber(value: number | bigint | JsonNumber): number {
  return typeof value === "number" ? value : Number(value instanceof JsonNumber ? value.source : value);
}

/**
 * A copy with JsonNumber and bigint turned into JS numbers (what ajv checks); the same value when
 * there are none, so plain JSON.parse output is not copied. Iterative: deep values cannot overflow.
 */
export function toPlainNumbers(root: unknown): unknown {
  if (!containsSpecialNumbers(root)) return root;
  const convert = (value: unknown): unknown => (isNumberLike(value) ? toNumber(value) : value);
  const top = { value: root } as Record<string, unknown>;
  const stack: Array<{ from: Record<string, unknown>; to: Record<string, unknown> }> = [];
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== "object" || isNumberLike(value)) return convert(value);
    const target = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
    stack.push({ from: value as Record<string, unknown>, to: target });
    return target;
  };
  const result = { value: copy(top.value) };
  while (stack.length > 0) {
    const { from, to } = stack.pop()!;
    for (const key of Object.keys(from)) {
      // defineProperty: an own "__proto__" key stays data, never a prototype.
      Object.defineProperty(to, key, { value: copy(from[key]), enumerable: true, writable: true, configurable: true });
    }
  }
  return result.value;
}

function containsSpecialNumbers(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "bigint" || value instanceof JsonNumber) return true;
    if (value !== null && typeof value === "object")
      for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
  return false;
}

/**
 * JSON text of a decoded value: JsonNumber and bigint keep their digits, Uint8Array becomes base64,
 * non-finite numbers (Avro float NaN) become null as in JSON.stringify. Decoded values are as deep
 * as their schema (the decoders that built them recursed as deep), so recursion is safe here.
 */
export function toJsonText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return "null";
  }
  if (value instanceof JsonNumber) return value.source;
  if (value instanceof Uint8Array) return JSON.stringify(bytesToBase64(value));
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(",")}}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytesStrict(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
