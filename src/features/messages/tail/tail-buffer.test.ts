import { describe, expect, it } from "vitest";
import type { TMessage } from "~/domain/messages/message";
import { testMessage } from "~/domain/messages/message.test-support";
import { RateMeter, TailBuffer } from "./tail-buffer";

function messages(from: number, count: number): TMessage[] {
  return Array.from({ length: count }, (_, index) => testMessage({ offset: String(from + index) }));
}

const offsets = (screen: { rows: readonly TMessage[] } | null) => screen?.rows.map((message) => Number(message.offset));

describe("TailBuffer", () => {
  it("shows nothing until a flush, then every arrival since the last one, oldest first", () => {
    const buffer = new TailBuffer(10);
    buffer.receive(messages(0, 2), 0);
    buffer.receive(messages(2, 1), 0);
    expect(offsets(buffer.flush())).toEqual([0, 1, 2]);
    buffer.receive(messages(3, 1), 0);
    expect(offsets(buffer.flush())).toEqual([0, 1, 2, 3]);
  });

  it("asks for no render when nothing arrived", () => {
    const buffer = new TailBuffer(10);
    buffer.receive(messages(0, 1), 0);
    expect(buffer.flush()).not.toBeNull();
    expect(buffer.flush()).toBeNull();
    buffer.receive([], 0);
    expect(buffer.flush()).toBeNull();
  });

  it("keeps the newest rows up to the cap and counts the ones pushed out", () => {
    const buffer = new TailBuffer(5);
    buffer.receive(messages(0, 4), 0);
    buffer.flush();
    buffer.receive(messages(4, 3), 0);
    const screen = buffer.flush();
    expect(offsets(screen)).toEqual([2, 3, 4, 5, 6]);
    expect(screen?.notShown).toBe(2);
  });

  it("adds what the server skipped to the not-shown count", () => {
    const buffer = new TailBuffer(5);
    buffer.receive(messages(0, 1), 40);
    expect(buffer.flush()).toMatchObject({ notShown: 40 });
    buffer.receive([], 2);
    expect(buffer.flush()).toMatchObject({ notShown: 42 });
  });

  it("accounts for every message: rows plus not shown equals received plus skipped", () => {
    const buffer = new TailBuffer(50);
    let total = 0;
    for (let round = 0; round < 100; round += 1) {
      buffer.receive(messages(total, 13), 3);
      total += 16;
      if (round % 4 === 0) buffer.flush();
      if (round === 30) buffer.pause();
      if (round === 60) buffer.resume();
    }
    const screen = buffer.flush()!;
    expect(screen.rows.length + screen.notShown).toBe(total);
  });

  it("while paused keeps the rows, counts arrivals, and shows them on resume", () => {
    const buffer = new TailBuffer(10);
    buffer.receive(messages(0, 2), 0);
    buffer.flush();
    buffer.pause();
    buffer.receive(messages(2, 3), 1);
    const paused = buffer.flush();
    expect(offsets(paused)).toEqual([0, 1]);
    expect(paused).toMatchObject({ newWhilePaused: 4, isPaused: true, notShown: 0 });
    buffer.resume();
    const resumed = buffer.flush();
    expect(offsets(resumed)).toEqual([0, 1, 2, 3, 4]);
    expect(resumed).toMatchObject({ newWhilePaused: 0, isPaused: false, notShown: 1 });
  });

  it("holds at most the cap while paused and counts the rest as not shown on resume", () => {
    const buffer = new TailBuffer(3);
    buffer.pause();
    buffer.receive(messages(0, 5), 0);
    expect(buffer.flush()).toMatchObject({ newWhilePaused: 5, rows: [] });
    buffer.resume();
    const screen = buffer.flush();
    expect(offsets(screen)).toEqual([2, 3, 4]);
    expect(screen?.notShown).toBe(2);
  });

  it("clears the rows and the counts", () => {
    const buffer = new TailBuffer(2);
    buffer.receive(messages(0, 5), 7);
    buffer.flush();
    buffer.clear();
    expect(buffer.flush()).toMatchObject({ rows: [], notShown: 0, newWhilePaused: 0 });
  });
});

describe("RateMeter", () => {
  it("averages arrivals over its window and forgets older ones", () => {
    const meter = new RateMeter(2_000);
    meter.add(100, 0);
    meter.add(300, 1_500);
    expect(meter.perSecond(1_900)).toBe(200);
    expect(meter.perSecond(2_600)).toBe(150);
    expect(meter.perSecond(10_000)).toBe(0);
  });
});
