import { describe, expect, it } from "vitest";
import { durationToMs, formatDurationMs, formatRetentionMs, parseDurationMs, splitDurationMs } from "./durations";

describe("parseDurationMs", () => {
  it.each([
    ["7 d", "604800000"],
    ["7d", "604800000"],
    ["2 h", "7200000"],
    ["1.5 h", "5400000"],
    ["90min", "5400000"],
    ["90 m", "5400000"],
    ["30 Seconds", "30000"],
    ["250 ms", "250"],
    ["3600000", "3600000"],
    ["forever", "-1"],
    ["Forever", "-1"],
    ["-1", "-1"],
    ["106751991167 d", "9223372036828800000"],
    ["9223372036854775807", "9223372036854775807"],
  ])("reads %j as %s ms", (text, ms) => {
    expect(parseDurationMs(text)).toEqual({ ok: true, value: ms });
  });

  it.each([
    ["", "Enter a duration such as 7 d, 12 h or 30 min."],
    ["soon", "'soon' is not a duration; write a number and a unit such as 7 d, 12 h or 30 min."],
    ["2 weeks", "'weeks' is not a unit of time; use ms, s, min, h or d."],
    ["0.5 ms", "A duration must come to a whole number of milliseconds."],
    ["-2", "A duration cannot be negative; choose forever to keep records with no time limit."],
    ["1.2.3 h", "'1.2.3' is not a number."],
    ["9223372036854775808", "That duration is longer than Kafka can store (about 292 million years)."],
    ["106751991168 d", "That duration is longer than Kafka can store (about 292 million years)."],
  ])("refuses %j", (text, message) => {
    expect(parseDurationMs(text)).toEqual({ ok: false, message });
  });
});

describe("durationToMs", () => {
  it("turns a form's amount and unit into milliseconds without floating point", () => {
    expect(durationToMs("0.001", "s")).toEqual({ ok: true, value: "1" });
    expect(durationToMs("30", "d")).toEqual({ ok: true, value: "2592000000" });
  });
});

describe("splitDurationMs", () => {
  it.each([
    ["7200000", { amount: "2", unit: "h" }],
    ["5400000", { amount: "90", unit: "min" }],
    ["604800000", { amount: "7", unit: "d" }],
    ["1", { amount: "1", unit: "ms" }],
    ["0", { amount: "0", unit: "ms" }],
  ])("fills the form from %s ms", (ms, expected) => {
    expect(splitDurationMs(ms)).toEqual(expected);
  });

  it("leaves special and malformed values to the caller", () => {
    expect(splitDurationMs("-1")).toBeNull();
    expect(splitDurationMs("abc")).toBeNull();
  });
});

describe("formatRetentionMs", () => {
  it.each([
    ["7200000", "2 h"],
    ["-1", "forever"],
    ["604800000", "7 d"],
    ["5400000", "1 h 30 min"],
    ["90061001", "1 d 1 h 1 min 1 s 1 ms"],
    ["0", "0 ms"],
    ["9223372036854775807", "no limit"],
    ["not a number", "not a number"],
  ])("shows %s as %j", (ms, text) => {
    expect(formatRetentionMs(ms)).toBe(text);
  });

  it("shows -1 as a plain duration outside retention", () => {
    expect(formatDurationMs("-1")).toBe("-1 ms");
  });
});
