import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { TWorkerScope } from "~/domain/workers";

/**
 * The one registry of long-lived background work (STYLE.md: "one registry of workers"). A worker is
 * a named loop: run a pass, wait, run again; a failed pass waits longer (×2 per failure, at most
 * `maxBackoffMs`) and is logged once until a pass succeeds again. Started and stopped by name, its
 * status readable in one place. Kept on `globalThis`, so a dev reload does not start a second loop.
 * The conformance check is its first tenant; the older samplers and sweeps still run their own loops.
 */
export type TWorkerSpec = {
  /** Unique, e.g. "definitions.conformance". */
  name: string;
  /** One line a person reads on a status page. */
  description: string;
  intervalMs: number;
  maxBackoffMs?: number;
  /**
   * "one-server" (the default for samplers and sweeps): runs on one web server at a time, holding a
   * lease in PostgreSQL (worker_leases) that another server takes over when the holder dies.
   * "every-server": each process runs its own. (Leases arrive with issue 14's registry work.)
   */
  scope?: TWorkerScope;
  /** One pass. The signal aborts when the worker is stopped. */
  runOnce: (signal: AbortSignal) => Promise<void>;
};

export type TWorkerStatus = {
  name: string;
  description: string;
  state: "running" | "waiting" | "stopped";
  passes: number;
  lastPassAt: Date | null;
  lastError: string | null;
};

type TWorker = { spec: TWorkerSpec; status: TWorkerStatus; stop: AbortController; done: Promise<void> };

const registryKey = Symbol.for("tributary.workers");
const holder = globalThis as typeof globalThis & { [registryKey]?: Map<string, TWorker> };
const workers = (holder[registryKey] ??= new Map<string, TWorker>());

const DEFAULT_MAX_BACKOFF_MS = 60 * 60_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loop(worker: TWorker): Promise<void> {
  const { spec, status, stop } = worker;
  let failures = 0;
  while (!stop.signal.aborted) {
    status.state = "running";
    try {
      await spec.runOnce(stop.signal);
      if (failures > 0) console.info(`Worker ${spec.name} works again.`);
      failures = 0;
      status.lastError = null;
    } catch (error) {
      failures += 1;
      status.lastError = messageOf(error);
      if (failures === 1) console.warn(`Worker ${spec.name} failed a pass; retrying with back-off.`, error);
    }
    status.passes += 1;
    status.lastPassAt = new Date();
    if (stop.signal.aborted) break;
    status.state = "waiting";
    const wait = Math.min(spec.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, spec.intervalMs * 2 ** failures);
    await delay(wait, undefined, { signal: stop.signal, ref: false }).catch(() => undefined);
  }
  status.state = "stopped";
}

/** Starts the worker unless one of that name runs already (then returns false). */
export function startWorker(spec: TWorkerSpec): boolean {
  const existing = workers.get(spec.name);
  if (existing && existing.status.state !== "stopped") return false;
  const worker: TWorker = {
    spec,
    status: {
      name: spec.name,
      description: spec.description,
      state: "running",
      passes: 0,
      lastPassAt: null,
      lastError: null,
    },
    stop: new AbortController(),
    done: Promise.resolve(),
  };
  worker.done = loop(worker);
  workers.set(spec.name, worker);
  return true;
}

/** Stops the worker: no new pass starts, the running one sees its signal abort. Resolves when the loop has ended. */
export async function stopWorker(name: string): Promise<void> {
  const worker = workers.get(name);
  if (!worker) return;
  worker.stop.abort();
  await worker.done;
  workers.delete(name);
}

export function stopAllWorkers(): Promise<void> {
  return Promise.all([...workers.keys()].map(stopWorker)).then(() => undefined);
}

export function workerStatuses(): TWorkerStatus[] {
  return [...workers.values()].map((worker) => ({ ...worker.status }));
}
