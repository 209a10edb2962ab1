import "server-only";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { fetchHighWatermarks, type THighWatermarks } from "~/server/kafka/topics/high-watermarks";
import { ThroughputHistory } from "./throughput-history";

/** How many minutes of samples each cluster keeps (the chart's longest window). */
export const HISTORY_MINUTES = 60;

export type TSampleOutcome = { at: number; ok: boolean };

export type TThroughputSampler = {
  readonly target: ClusterTarget;
  readonly intervalMs: number;
  readonly history: ThroughputHistory;
  /** Resolves after the next sample attempt, successful or not (tests await it instead of sleeping). */
  nextSample(): Promise<TSampleOutcome>;
  stop(): void;
};

type SamplerOptions = {
  target: ClusterTarget;
  intervalMs: number;
  /** Replaceable in tests; by default one Metadata + batched ListOffsets against the cluster. */
  read?: (target: ClusterTarget) => Promise<THighWatermarks>;
  /** After every sample attempt (the worker registry counts them). */
  onSample?: (outcome: TSampleOutcome) => void;
  onStop?: () => void;
};

/**
 * Samples every topic's high watermarks every `intervalMs` and keeps `HISTORY_MINUTES` of rates. A
 * sample that fails (Kafka down) is skipped: the next good one spans the outage, and the chart
 * shows the missing samples as a gap. Ticks never overlap: a slow sample delays the next one.
 */
export function createThroughputSampler({
  target,
  intervalMs,
  read = fetchHighWatermarks,
  onSample,
  onStop,
}: SamplerOptions): TThroughputSampler {
  const history = new ThroughputHistory(Math.ceil((HISTORY_MINUTES * 60_000) / intervalMs));
  let waiters: ((outcome: TSampleOutcome) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function tick() {
    const started = Date.now();
    let ok = true;
    try {
      const highs = await read(target);
      // The sample's time is when we asked; the answer reflects the cluster at about that moment.
      if (!stopped) history.record(started, highs);
    } catch {
      ok = false;
    }
    const settled = waiters;
    waiters = [];
    for (const resolve of settled) resolve({ at: started, ok });
    onSample?.({ at: started, ok });
    if (stopped) return;
    timer = setTimeout(() => void tick(), Math.max(0, started + intervalMs - Date.now()));
    // A sampler must never keep a process (a test run, a script) alive on its own.
    timer.unref();
  }

  void tick();

  return {
    target,
    intervalMs,
    history,
    nextSample: () => new Promise((resolve) => waiters.push(resolve)),
    stop() {
      if (!stopped) onStop?.();
      stopped = true;
      clearTimeout(timer);
    },
  };
}
