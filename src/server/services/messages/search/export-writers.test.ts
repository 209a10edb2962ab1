import { describe, expect, it } from "vitest";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { csvText, toCsvRow, toJsonLine } from "./export-writers";

function record(overrides: Partial<TFetchedRecord>): TFetchedRecord {
  return {
    partition: 2,
    offset: 9_007_199_254_740_993n,
    timestamp: "1700000000000",
    timestampType: "CreateTime",
    key: Buffer.from("k1"),
    value: Buffer.from('{"a":1}'),
    headers: [],
    ...overrides,
  };
}

describe("export writers", () => {
  it("writes a JSON line with text payloads and exact int64 offsets", () => {
    const line = toJsonLine(record({ headers: [{ key: "trace", value: Buffer.from("t1") }] }));
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual({
      partition: 2,
      offset: "9007199254740993",
      timestamp: "1700000000000",
      timestampType: "CreateTime",
      key: "k1",
      keyEncoding: "utf8",
      value: '{"a":1}',
      valueEncoding: "utf8",
      headers: [{ key: "trace", value: "t1", encoding: "utf8" }],
    });
  });

  it("writes invalid UTF-8 as base64 and says so, and keeps null apart from empty", () => {
    const line = JSON.parse(toJsonLine(record({ key: null, value: Buffer.from([0xc3, 0x28, 0xff]) }))) as Record<
      string,
      unknown
    >;
    expect(line).toMatchObject({ key: null, keyEncoding: null, value: "wyj/", valueEncoding: "base64" });
    const empty = JSON.parse(toJsonLine(record({ value: Buffer.alloc(0) }))) as Record<string, unknown>;
    expect(empty).toMatchObject({ value: "", valueEncoding: "utf8" });
  });

  it("keeps a value with line breaks on one JSON line", () => {
    const line = toJsonLine(record({ value: Buffer.from("a\nb\r\nc\u2028") }));
    expect(line.split("\n")).toHaveLength(2);
  });

  it("quotes CSV cells per RFC 4180", () => {
    expect(csvText('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvText("plain")).toBe("plain");
    expect(csvText(null)).toBe("");
  });

  it("guards cells that a spreadsheet would run as formulas", () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvText("+1")).toBe("'+1");
    expect(csvText("-2+3")).toBe("'-2+3");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("\tcmd")).toBe("'\tcmd");
  });

  it("writes a CSV row with encodings and headers as JSON", () => {
    const row = toCsvRow(
      record({ key: Buffer.from([0xff]), value: Buffer.from("=1+1"), headers: [{ key: "h", value: null }] }),
    );
    expect(row).toBe(
      '2,9007199254740993,1700000000000,CreateTime,/w==,base64,\'=1+1,utf8,"[{""key"":""h"",""value"":null,""encoding"":null}]"\r\n',
    );
  });
});
