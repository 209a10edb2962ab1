import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "~/lib/app-error";
import { createLagSampler, lagRetryDelayMs, type TLagPass } from "./lag-sampler";

const pass = (startedAt: number): TLagPass => ({ clusterId: "c", startedAt, listed: 1, stored: 1, durationMs: 0 });
/** No lease in unit tests: the lease (one-server) needs PostgreSQL, and is tested against it. */
const scope = "every-server" as const;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("lagRetryDelayMs", () => {
  it("starts at the interval and doubles up to a minute", () => {
    expect([1, 2, 3, 4].map((failures) => lagRetryDelayMs(failures, 15_000))).toEqual([15_000, 30_000, 60_000, 60_000]);
    expect([1, 2, 7, 8].map((failures) => lagRetryDelayMs(failures, 1_000))).toEqual([1_000, 2_000, 60_000, 60_000]);
  });

  it("never retries faster than a long interval samples", () => {
    expect(lagRetryDelayMs(5, 300_000)).toBe(300_000);
  });
});

describe("createLagSampler", () => {
  it("keeps sampling through failures with back-off, logs the outage once and returns to the interval", async () => {
    vi.useFakeTimers({ now: 0 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    const calls: number[] = [];
    let failuresLeft = 2;
    const sampler = createLagSampler({
      clusterId: "c",
      intervalMs: 1_000,
      scope,
      sample: () => {
        calls.push(Date.now());
        if (failuresLeft-- > 0) return Promise.reject(new AppError("KAFKA_UNREACHABLE", "Kafka does not answer."));
        return Promise.resolve(pass(Date.now()));
      },
    });
    try {
      const first = sampler.nextPass();
      await vi.advanceTimersByTimeAsync(0);
      expect(await first).toEqual({ ok: false, message: "Kafka does not answer.", retryInMs: 1_000 });
      const second = sampler.nextPass();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await second).toMatchObject({ ok: false, retryInMs: 2_000 });
      const third = sampler.nextPass();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await third).toMatchObject({ ok: true });
      const fourth = sampler.nextPass();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await fourth).toMatchObject({ ok: true });
      expect(calls).toEqual([0, 1_000, 3_000, 4_000]);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      sampler.stop();
    }
  });

  it("never starts a pass while the previous one is still running", async () => {
    vi.useFakeTimers({ now: 0 });
    let finish: (() => void) | undefined;
    const sample = vi.fn(
      () =>
        new Promise<TLagPass>((resolve) => {
          finish = () => resolve(pass(Date.now()));
        }),
    );
    const sampler = createLagSampler({ clusterId: "c", intervalMs: 1_000, scope, sample });
    try {
      // A pass far slower than the interval.
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sample).toHaveBeenCalledTimes(1);
      const done = sampler.nextPass();
      finish?.();
      expect(await done).toMatchObject({ ok: true });
      // Already late: the next pass starts at once, not an interval later.
      await vi.advanceTimersByTimeAsync(0);
      expect(sample).toHaveBeenCalledTimes(2);
    } finally {
      sampler.stop();
    }
  });

  it("samples no more once stopped", async () => {
    vi.useFakeTimers({ now: 0 });
    const sample = vi.fn(() => Promise.resolve(pass(Date.now())));
    const sampler = createLagSampler({ clusterId: "c", intervalMs: 1_000, scope, sample });
    await sampler.nextPass();
    sampler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sample).toHaveBeenCalledTimes(1);
    expect(sampler.isStopped()).toBe(true);
  });
});
