import { describe, expect, it } from "vitest";
import { bytesToString, formatBytes, formatRetentionBytes, parseBytes, splitBytes } from "./sizes";

describe("parseBytes", () => {
  it.each([
    ["1 GiB", "1073741824"],
    ["512MiB", "536870912"],
    ["1.5 KiB", "1536"],
    ["2 tib", "2199023255552"],
    ["100 bytes", "100"],
    ["4096", "4096"],
    ["unlimited", "-1"],
    ["-1", "-1"],
    ["8388607 TiB", "9223370937343148032"],
  ])("reads %j as %s bytes", (text, bytes) => {
    expect(parseBytes(text)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ["", "Enter a size such as 512 MiB or 1 GiB."],
    ["1 GB", "Write sizes in KiB, MiB, GiB or TiB (1 KiB = 1024 B) rather than GB."],
    ["3 PiB", "'PiB' is not a unit of size; use B, KiB, MiB, GiB or TiB."],
    ["0.3 KiB", "A size must come to a whole number of bytes."],
    ["-5", "A size cannot be negative; choose unlimited for no size limit."],
    ["8388608 TiB", "That size is larger than Kafka can store."],
    ["big", "'big' is not a size; write a number and a unit such as 512 MiB."],
  ])("refuses %j", (text, message) => {
    expect(parseBytes(text)).toEqual({ ok: false, message });
  });
});

describe("bytesToString", () => {
  it("turns a form's amount and unit into bytes", () => {
    expect(bytesToString("1", "MiB")).toEqual({ ok: true, value: "1048576" });
  });
});

describe("splitBytes", () => {
  it.each([
    ["1073741824", { amount: "1", unit: "GiB" }],
    ["1572864", { amount: "1536", unit: "KiB" }],
    ["1048588", { amount: "1048588", unit: "B" }],
  ])("fills the form from %s bytes", (bytes, expected) => {
    expect(splitBytes(bytes)).toEqual(expected);
  });

  it("leaves -1 to the caller", () => {
    expect(splitBytes("-1")).toBeNull();
  });
});

describe("formatBytes and formatRetentionBytes", () => {
  it.each([
    ["1073741824", "1 GiB"],
    ["10485760", "10 MiB"],
    ["1048588", "1048588 B (about 1 MiB)"],
    ["1500", "1500 B (about 1.46 KiB)"],
    ["1000", "1000 B"],
    ["0", "0 B"],
  ])("shows %s as %j", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("shows any negative retention.bytes as unlimited, as Kafka treats it", () => {
    expect(formatRetentionBytes("-1")).toBe("unlimited");
    expect(formatRetentionBytes("-5")).toBe("unlimited");
    expect(formatRetentionBytes("2147483648")).toBe("2 GiB");
  });
});
