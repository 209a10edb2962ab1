import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { testMessage } from "~/domain/messages/message.test-support";
import { TAIL_FLUSH_MS, TailInbox } from "./tail-inbox";

const message = (offset: number) => testMessage({ offset: String(offset) });
const batch = (...offsets: number[]) => ({
  messages: offsets.map(message),
  skipped: 0,
  status: { state: "live" as const, partitions: [0] },
});

describe("TailInbox", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("flushes a batch to the screen at once when the last flush is long past", () => {
    const inbox = new TailInbox();
    const flushes: number[] = [];
    const stop = inbox.listen(() => flushes.push(inbox.buffer.flush()?.rows.length ?? -1));
    vi.advanceTimersByTime(TAIL_FLUSH_MS * 2);
    flushes.length = 0;
    inbox.receive(batch(1));
    vi.advanceTimersByTime(0);
    expect(flushes).toEqual([1]);
    stop();
  });

  it("flushes at most once per interval however many batches arrive", () => {
    const inbox = new TailInbox();
    let flushes = 0;
    const stop = inbox.listen(() => {
      flushes += 1;
      inbox.buffer.flush();
    });
    vi.advanceTimersByTime(0);
    flushes = 0;
    for (let index = 0; index < 20; index += 1) {
      inbox.receive(batch(index));
      vi.advanceTimersByTime(10);
    }
    // 200 ms of arrivals: one flush per interval (four or five at 50 ms), not twenty.
    const intervals = 200 / TAIL_FLUSH_MS;
    expect(flushes).toBeGreaterThanOrEqual(intervals);
    expect(flushes).toBeLessThanOrEqual(intervals + 1);
    stop();
  });

  it("stops flushing once the view is gone", () => {
    const inbox = new TailInbox();
    const onFlush = vi.fn();
    const stop = inbox.listen(onFlush);
    vi.advanceTimersByTime(0);
    stop();
    onFlush.mockClear();
    inbox.receive(batch(1));
    vi.advanceTimersByTime(5_000);
    expect(onFlush).not.toHaveBeenCalled();
  });
});
