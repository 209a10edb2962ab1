import { describe, expect, it } from "vitest";
import { guessLayer } from "./guess-layer";

describe("guessLayer", () => {
  it.each([
    ["telemetry.raw", "raw"],
    ["orders-clean", "clean"],
    ["clicks_enriched", "processed"],
    ["churn.predictions", "results"],
    ["scratch", "prototype"],
    ["drawing.board", "prototype"],
    ["RAW.Events", "raw"],
  ] as const)("guesses %s → %s", (name, layer) => {
    expect(guessLayer(name)).toBe(layer);
  });
});
