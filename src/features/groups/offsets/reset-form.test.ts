import { describe, expect, it } from "vitest";
import { checkResetForm, INITIAL_RESET_FORM } from "./reset-form";

describe("reset offsets form", () => {
  it("asks for a topic first", () => {
    expect(checkResetForm(INITIAL_RESET_FORM)).toEqual({ ok: false, field: "topic", message: "Choose a topic." });
  });

  it("builds a reset of chosen partitions to an explicit offset", () => {
    const form = { ...INITIAL_RESET_FORM, topic: "orders", scope: "chosen" as const, partitionsText: "2, 0" };
    expect(checkResetForm({ ...form, kind: "offset", value: "15" })).toEqual({
      ok: true,
      partitions: [0, 2],
      strategy: { kind: "offset", offset: "15" },
    });
  });

  it("says what is wrong with the value before asking the server", () => {
    const form = { ...INITIAL_RESET_FORM, topic: "orders" };
    expect(checkResetForm({ ...form, kind: "shift", value: "" })).toMatchObject({ field: "value", ok: false });
    expect(checkResetForm({ ...form, kind: "offset", value: "-1" })).toMatchObject({
      message: "Enter a whole number of 0 or more.",
    });
    expect(checkResetForm({ ...form, kind: "timestamp", value: "2026-01-01T00:00:00Z" })).toMatchObject({
      ok: true,
      strategy: { kind: "timestamp", timestampMs: Date.UTC(2026, 0, 1) },
    });
  });
});
