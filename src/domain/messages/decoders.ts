/**
 * Turning untrusted payload bytes into text a person can read. Pure and isomorphic (no Buffer):
 * the browser decodes what the server sent as base64. Every result is plain text (and, for JSON,
 * a value from JSON.parse) — callers render it as React text nodes, never as HTML.
 */
import { parseJsonLossless } from "./lossless-json";
import type { TPayload } from "./message";

export const DECODERS = ["auto", "json", "text", "hex", "base64"] as const;
export type TDecoder = (typeof DECODERS)[number];

export const DECODER_LABELS: Record<TDecoder, string> = {
  auto: "Auto",
  json: "JSON",
  text: "UTF-8 text",
  hex: "Hex",
  base64: "Base64",
};

export function parseDecoder(value: unknown): TDecoder {
  return DECODERS.find((decoder) => decoder === value) ?? "auto";
}

export type TDecoded = {
  /** The decoder that produced `text` ("auto" resolves to one of the others). */
  kind: Exclude<TDecoder, "auto">;
  text: string;
  /**
   * For JSON: the parsed value (JSON.parse only; own "__proto__" keys stay plain data), with every
   * number a JsonNumber holding its source text, so 64-bit ids keep their digits.
   */
  json?: { value: unknown };
  /** A sentence when the bytes did not fit the chosen decoder (e.g. invalid UTF-8, not JSON). */
  note?: string;
  /** The topic's schema the server decoded the value with, e.g. "Avro (v2)". */
  label?: string;
};

/** Pretty-printed JSON is re-indented from the text, not re-serialized; deeper levels stay flat. */
const MAX_INDENT_DEPTH = 32;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const lenientUtf8 = new TextDecoder("utf-8");

/**
 * Strict UTF-8 first, so invalid bytes can be reported. A payload cut for a list (`isPartial`) may
 * end inside a multi-byte character; streaming mode leaves that tail out instead of calling it invalid.
 */
function utf8(bytes: Uint8Array, isPartial: boolean): { text: string; isValid: boolean } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: isPartial }), isValid: true };
  } catch {
    return { text: lenientUtf8.decode(bytes), isValid: false };
  }
}

/** Control characters other than tab, newline and carriage return suggest binary data. */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function toHex(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += 16) {
    const row = Array.from(bytes.subarray(start, start + 16), (byte) => byte.toString(16).padStart(2, "0"));
    lines.push(`${start.toString(16).padStart(8, "0")}  ${row.join(" ")}`);
  }
  return lines.join("\n");
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunks keep String.fromCharCode's argument list short for megabyte payloads.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** JSON.parse only (no reviver, no merging into objects), so `__proto__` keys cannot pollute. */
export function tryParseJson(text: string): { value: unknown } | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return parseJsonLossless(trimmed);
}

/**
 * Re-indents JSON text without recursion, so 10,000 levels of nesting neither overflow the stack
 * nor turn into megabytes of leading spaces (indentation stops growing at MAX_INDENT_DEPTH).
 */
export function prettyJson(text: string): string {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  const newline = () => "\n" + "  ".repeat(Math.min(depth, MAX_INDENT_DEPTH));
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out.push(char);
      if (char === "\\") out.push(text[++index] ?? "");
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out.push(char);
    } else if (char === "{" || char === "[") {
      const close = char === "{" ? "}" : "]";
      let next = index + 1;
      while (/\s/.test(text[next] ?? "")) next++;
      if (text[next] === close) {
        out.push(char + close);
        index = next;
        continue;
      }
      depth++;
      out.push(char + newline());
    } else if (char === "}" || char === "]") {
      depth = Math.max(0, depth - 1);
      out.push(newline() + char);
    } else if (char === ",") {
      out.push("," + newline());
    } else if (char === ":") {
      out.push(": ");
    } else if (!/\s/.test(char)) {
      out.push(char);
    }
  }
  return out.join("");
}

/** `isPartial`: the bytes are the start of a longer payload (cut for a list). */
export function decodeBytes(bytes: Uint8Array, decoder: TDecoder, { isPartial = false } = {}): TDecoded {
  switch (decoder) {
    case "hex":
      return { kind: "hex", text: toHex(bytes) };
    case "base64":
      return { kind: "base64", text: toBase64(bytes) };
    case "text": {
      const { text, isValid } = utf8(bytes, isPartial);
      return isValid ? { kind: "text", text } : { kind: "text", text, note: INVALID_UTF8 };
    }
    case "json": {
      const { text, isValid } = utf8(bytes, isPartial);
      const json = isValid ? tryParseJson(text) : null;
      if (json) return { kind: "json", text: prettyJson(text.trim()), json };
      return { kind: "text", text, note: isValid ? "This is not valid JSON; shown as text." : INVALID_UTF8 };
    }
    case "auto": {
      const { text, isValid } = utf8(bytes, isPartial);
      if (!isValid) return { kind: "hex", text: toHex(bytes) };
      const json = tryParseJson(text);
      if (json) return { kind: "json", text: prettyJson(text.trim()), json };
      if (BINARY_CONTROL.test(text)) return { kind: "hex", text: toHex(bytes) };
      return { kind: "text", text };
    }
  }
}

/**
 * A payload as the chosen decoder shows it. Values the server decoded with the topic's schema
 * (payload.schema) show as that JSON under Auto and JSON; Hex, Base64 and text show the raw bytes.
 * When the schema did not fit, the plain decoders run and the schema's note says why.
 */
export function decodePayload(payload: TPayload, decoder: TDecoder): TDecoded {
  const schema = payload.schema;
  if (schema?.json !== undefined && (decoder === "auto" || decoder === "json")) {
    const isCut = Boolean(schema.isTruncated);
    const json = isCut ? null : parseJsonLossless(schema.json);
    return json
      ? { kind: "json", text: prettyJson(schema.json), json, label: schema.label }
      : { kind: "text", text: schema.json, label: schema.label };
  }
  const decoded = decodeBytes(base64ToBytes(payload.base64), decoder, { isPartial: payload.isTruncated });
  if (!schema?.note || (decoder !== "auto" && decoder !== "json")) return decoded;
  return { ...decoded, note: decoded.note ? `${schema.note} ${decoded.note}` : schema.note };
}

const INVALID_UTF8 = "This is not valid UTF-8; undecodable bytes are shown as \uFFFD. Try Hex.";

/**
 * One line of a payload for a table cell: JSON collapsed, control and bidirectional-override
 * characters made visible, cut at `maxChars`.
 */
export function previewText(decoded: TDecoded, maxChars = 200): string {
  let text = decoded.text;
  if (decoded.kind === "json") text = text.replace(/\n\s*/g, " ");
  if (decoded.kind === "hex") text = text.replace(/^[0-9a-f]{8} {2}/gm, "").replace(/\n/g, " ");
  text = text.slice(0, maxChars * 2);
  return visibleControls(text).slice(0, maxChars);
}

/** Shows C0 controls as their Unicode pictures (␀ ␛ …) and neutralizes bidi overrides. */
export function visibleControls(text: string): string {
  return text
    .replace(/[\u0000-\u001f]/g, (char) => String.fromCharCode(0x2400 + char.charCodeAt(0)))
    .replace(/\u007f/g, "\u2421")
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
