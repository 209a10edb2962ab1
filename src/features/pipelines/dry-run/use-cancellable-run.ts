"use client";

import { useEffect, useRef, useState } from "react";

/** A run that can be cancelled: the call gets an AbortSignal, Cancel aborts it. */
export type TRunState<T> =
  | { state: "idle" }
  | { state: "running"; startedAt: number }
  | { state: "done"; result: T; elapsedMs: number }
  | { state: "cancelled" }
  | { state: "failed"; error: unknown };

/** How often the elapsed time on screen moves while a run is under way. */
const TICK_MS = 250;

/**
 * Runs `work(signal)` once per `start()`; `cancel()` aborts the call (the server stops reading and
 * running as its request's signal fires). A new start cancels the previous run.
 */
export function useCancellableRun<T>() {
  const [run, setRun] = useState<TRunState<T>>({ state: "idle" });
  const [now, setNow] = useState(() => Date.now());
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (run.state !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [run.state]);
  // Leaving the page cancels the run.
  useEffect(() => () => controller.current?.abort(), []);

  async function start(work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const startedAt = Date.now();
    setNow(startedAt);
    setRun({ state: "running", startedAt });
    try {
      const result = await work(mine.signal);
      if (mine.signal.aborted) return null;
      setRun({ state: "done", result, elapsedMs: Date.now() - startedAt });
      return result;
    } catch (error) {
      if (mine.signal.aborted) {
        if (controller.current === mine) setRun({ state: "cancelled" });
        return null;
      }
      setRun({ state: "failed", error });
      return null;
    } finally {
      if (controller.current === mine) controller.current = null;
    }
  }

  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setRun({ state: "cancelled" });
  }

  function reset() {
    controller.current?.abort();
    controller.current = null;
    setRun({ state: "idle" });
  }

  const elapsedMs = run.state === "running" ? Math.max(0, now - run.startedAt) : 0;
  return { run, elapsedMs, start, cancel, reset };
}
