import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { pause } from "./pause";

describe("pause", () => {
  it("leaves no abort listener behind however often it waits on one signal", async () => {
    const controller = new AbortController();
    for (let tick = 0; tick < 20; tick += 1) await pause(1, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("ends at once when the signal aborts", async () => {
    const controller = new AbortController();
    const waiting = pause(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});
