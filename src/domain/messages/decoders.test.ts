import { describe, expect, it } from "vitest";
import {
  base64ToBytes,
  decodeBytes,
  decodePayload,
  prettyJson,
  previewText,
  toBase64,
  visibleControls,
} from "./decoders";
import { JsonNumber } from "./lossless-json";
import type { TPayload } from "./message";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decoders", () => {
  it("auto shows JSON pretty-printed with the parsed value", () => {
    const decoded = decodeBytes(bytes('{"a":1,"b":[true,null],"c":{}}'), "auto");
    expect(decoded.kind).toBe("json");
    expect(decoded.text).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ],\n  "c": {}\n}');
    expect(decoded.json?.value).toEqual({ a: new JsonNumber("1"), b: [true, null], c: {} });
  });

  it("keeps a 64-bit number in the parsed value exactly as the payload wrote it", () => {
    const decoded = decodeBytes(bytes('{"id": 9007199254740993}'), "auto");
    expect(String((decoded.json?.value as { id: unknown }).id)).toBe("9007199254740993");
  });

  it("auto shows plain-text keys as text without a warning; only an explicit JSON choice warns", () => {
    for (const key of ["order-1", "server-1-cpu", "user:42", "01", "{half", "true story"]) {
      expect(decodeBytes(bytes(key), "auto")).toEqual({ kind: "text", text: key });
    }
    expect(decodeBytes(bytes("order-1"), "json").note).toMatch(/not valid JSON/);
  });

  it("auto falls back to UTF-8 text, then to hex for invalid UTF-8 or control bytes", () => {
    expect(decodeBytes(bytes("héllo wörld"), "auto")).toEqual({ kind: "text", text: "héllo wörld" });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41]), "auto")).toEqual({
      kind: "hex",
      text: "00000000  ff fe 41",
    });
    expect(decodeBytes(new Uint8Array([0x00, 0x01, 0x02]), "auto").kind).toBe("hex");
  });

  it("text shows invalid UTF-8 with replacement characters and says so", () => {
    const decoded = decodeBytes(new Uint8Array([0x61, 0xc3, 0x28]), "text");
    expect(decoded.text).toBe("a\uFFFD(");
    expect(decoded.note).toMatch(/not valid UTF-8/);
  });

  it("does not call a list preview invalid when the cut fell inside a multi-byte character", () => {
    const cut = bytes("añb").subarray(0, 2); // "a" and the first byte of "ñ"
    expect(decodeBytes(cut, "auto", { isPartial: true })).toEqual({ kind: "text", text: "a" });
    expect(decodeBytes(cut, "auto").kind).toBe("hex");
  });

  it("json explains when the bytes are not JSON and shows them as text", () => {
    expect(decodeBytes(bytes("not json"), "json")).toMatchObject({
      kind: "text",
      text: "not json",
      note: expect.stringMatching(/not valid JSON/),
    });
  });

  it("hex and base64 show every byte, sixteen to a hex line", () => {
    const data = Uint8Array.from({ length: 17 }, (_, index) => index);
    expect(decodeBytes(data, "hex").text).toBe(
      "00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n00000010  10",
    );
    expect(decodeBytes(bytes("hi"), "base64").text).toBe("aGk=");
    expect(base64ToBytes(toBase64(data))).toEqual(data);
  });

  it("parses __proto__ as a plain key without polluting Object.prototype", () => {
    const decoded = decodeBytes(bytes('{"__proto__":{"polluted":1}}'), "json");
    expect(Object.keys(decoded.json?.value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("handles JSON nested 10,000 deep without recursion and with bounded indentation", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const decoded = decodeBytes(bytes(deep), "auto");
    expect(decoded.kind).toBe("json");
    // Indentation stops growing at 32 levels: 64 spaces, never 20,000.
    expect(Math.max(...decoded.text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(66);
  });

  it("keeps string contents intact while re-indenting", () => {
    expect(prettyJson('{"k":"a, {b}: \\"c\\""}')).toBe('{\n  "k": "a, {b}: \\"c\\""\n}');
  });

  it("previews one line with control and bidi characters made visible", () => {
    expect(visibleControls("a\u0000b\u001b\u202e")).toBe("a\u2400b\u241b\uFFFD");
    expect(previewText(decodeBytes(bytes('{"a":\n1}'), "auto"))).toBe('{ "a": 1 }');
    expect(previewText(decodeBytes(bytes("line1\nline2"), "text"))).toBe("line1\u240aline2");
    expect(previewText(decodeBytes(bytes("x".repeat(500)), "text"), 10)).toBe("x".repeat(10));
  });
});

describe("decodePayload", () => {
  const payload = (extra: Partial<TPayload>): TPayload => ({
    base64: btoa("raw"),
    size: 3,
    isTruncated: false,
    ...extra,
  });

  it("shows the server's schema decoding under Auto and JSON, the raw bytes under the others", () => {
    const decoded = payload({ schema: { label: "Avro (v2)", json: '{"id":9007199254740993}' } });
    expect(decodePayload(decoded, "auto")).toMatchObject({
      kind: "json",
      label: "Avro (v2)",
      text: '{\n  "id": 9007199254740993\n}',
    });
    expect(String((decodePayload(decoded, "json").json?.value as { id: unknown }).id)).toBe("9007199254740993");
    expect(decodePayload(decoded, "hex")).toMatchObject({ kind: "hex" });
    expect(decodePayload(decoded, "text")).toEqual({ kind: "text", text: "raw" });
  });

  it("shows a cut decoding as text", () => {
    expect(
      decodePayload(payload({ schema: { label: "Avro (v1)", json: '{"a":', isTruncated: true } }), "auto"),
    ).toEqual({
      kind: "text",
      text: '{"a":',
      label: "Avro (v1)",
    });
  });

  it("adds the schema's note to the plain decoding when the value did not decode", () => {
    const decoded = decodePayload(payload({ schema: { label: "Avro (v1)", note: "Not Avro." } }), "auto");
    expect(decoded).toEqual({ kind: "text", text: "raw", note: "Not Avro." });
  });
});
