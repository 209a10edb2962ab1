import { describe, expect, it } from "vitest";
import type { TMessage } from "~/domain/messages/message";
import { testMessage } from "~/domain/messages/message.test-support";
import { checkDraft, draftFromMessage, EMPTY_DRAFT } from "./produce-draft";

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");

const message = (overrides: Partial<TMessage>) => testMessage({ partition: 2, offset: "7", ...overrides });

describe("produce draft", () => {
  it("refuses invalid JSON, an unknown partition and a repeat of 0 before sending", () => {
    const check = checkDraft(
      { ...EMPTY_DRAFT, value: { format: "json", text: "{oops" }, partition: "4", repeat: "0" },
      4,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.value).toMatch(/JSON/);
    expect(check.problems.partition).toBe("Choose a partition from 0 to 3.");
    expect(check.problems.repeat).toBe("Repeat 1 to 1,000 times.");
  });

  it("sends null for the null format and the key's partition by default", () => {
    const check = checkDraft(
      { ...EMPTY_DRAFT, key: { format: "null", text: "ignored" }, value: { format: "json", text: "[1]" } },
      3,
    );
    expect(check).toEqual({
      ok: true,
      request: { key: null, value: { text: "[1]" }, headers: [], partition: "key", repeat: 1 },
    });
  });

  it("keeps a replayed message byte for byte: UTF-8 as text, JSON as JSON, binary as base64, null as null", () => {
    const binary = new Uint8Array([0xff, 0x00, 0xc3]);
    const draft = draftFromMessage(
      message({
        key: { base64: base64("clé"), size: 4, isTruncated: false },
        value: { base64: base64(binary), size: 3, isTruncated: false },
        headers: [
          { key: "trace", value: { base64: base64('{"id":1}'), size: 8, isTruncated: false } },
          { key: "empty", value: null },
        ],
      }),
    );
    expect(draft.key).toEqual({ format: "text", text: "clé" });
    expect(draft.value).toEqual({ format: "base64", text: base64(binary) });
    expect(draft.headers).toEqual([
      { key: "trace", value: { format: "text", text: '{"id":1}' } },
      { key: "empty", value: { format: "null", text: "" } },
    ]);
    expect(draft.partition).toBe("2");
    expect(
      draftFromMessage(message({ value: { base64: base64('{"a":1}'), size: 7, isTruncated: false } })).value,
    ).toEqual({
      format: "json",
      text: '{"a":1}',
    });
  });
});
