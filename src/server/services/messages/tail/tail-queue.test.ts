import { describe, expect, it } from "vitest";
import { TailQueue } from "./tail-queue";

describe("TailQueue", () => {
  it("hands out messages in arrival order and empties", () => {
    const queue = new TailQueue<number>(10);
    queue.push([1, 2]);
    queue.push([3]);
    expect(queue.drain()).toEqual({ values: [1, 2, 3], skipped: 0 });
    expect(queue.hasNews).toBe(false);
    expect(queue.drain()).toEqual({ values: [], skipped: 0 });
  });

  it("drops the oldest past its capacity and counts them, once", () => {
    const queue = new TailQueue<number>(3);
    queue.push([1, 2, 3, 4]);
    queue.push([5]);
    expect(queue.size).toBe(3);
    expect(queue.drain()).toEqual({ values: [3, 4, 5], skipped: 2 });
    expect(queue.drain()).toEqual({ values: [], skipped: 0 });
  });

  it("accounts for every message: sent plus skipped equals pushed", () => {
    const queue = new TailQueue<number>(50);
    let sent = 0;
    let skipped = 0;
    for (let round = 0; round < 200; round += 1) {
      queue.push(Array.from({ length: 37 }, (_, index) => round * 37 + index));
      if (round % 3 === 0) {
        const batch = queue.drain(20);
        sent += batch.values.length;
        skipped += batch.skipped;
      }
    }
    const rest = queue.drain();
    expect(sent + rest.values.length + skipped + rest.skipped).toBe(200 * 37);
  });

  it("limits a drain to the requested count and keeps the rest", () => {
    const queue = new TailQueue<string>(10);
    queue.push(["a", "b", "c"]);
    expect(queue.drain(2).values).toEqual(["a", "b"]);
    expect(queue.drain().values).toEqual(["c"]);
  });

  it("tells that something was dropped even when nothing is left to send", () => {
    const queue = new TailQueue<number>(1);
    queue.push([1, 2]);
    queue.drain();
    queue.push([3, 4]);
    expect(queue.drain(0)).toEqual({ values: [], skipped: 1 });
    expect(queue.hasNews).toBe(true);
  });
});
