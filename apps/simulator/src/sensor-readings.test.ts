import { describe, expect, it } from "vitest";
import { nextValue, readingFor, streamKeys } from "./sensor-readings";

describe("demo sensor streams", () => {
  it("keys one stream per server and metric, as in the seed texts", () => {
    expect(streamKeys(2)).toEqual([
      "server-1-cpu",
      "server-1-memory",
      "server-1-disk",
      "server-2-cpu",
      "server-2-memory",
      "server-2-disk",
    ]);
  });

  it("keeps readings between 0 and 100", () => {
    let value = 50;
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let step = 0; step < 10_000; step += 1) {
      value = nextValue(value, random);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });

  it("names the server and metric of a key in its reading", () => {
    const reading = readingFor("server-12-memory", 42.5, new Date("2026-01-01T00:00:00Z"));
    expect(reading).toEqual({ server: "server-12", metric: "memory", value: 42.5, unit: "percent", timestamp: "2026-01-01T00:00:00.000Z" });
  });
});
