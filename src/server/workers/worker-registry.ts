import "server-only";
import type { TWorkerScope, TWorkerState } from "~/domain/workers";
import { processHolderId } from "./process-identity";
import { leaseTtlMs, WorkerLease } from "./worker-lease";
import { abortableSleep, messageOf } from "./worker-timing";

/**
 * The one registry of long-lived background work (STYLE.md: "one registry of workers"). Two shapes:
 * - a worker is a named loop: run a pass, wait, run again. Passes start `intervalMs` apart (at once
 *   when one overran); a failed pass waits longer (×2 per failure, at most `maxBackoffMs`) and is
 *   logged once until a pass succeeds again. A "one-server" worker takes a lease in PostgreSQL
 *   before each pass, so that several web servers on one database run it once between them.
 * - resident work (a live tail, a shared poll, a playground) runs for as long as someone uses it:
 *   it registers itself with a stop function and reports its passes; the registry lists and stops it.
 * Kept on `globalThis`, so a dev reload does not start a second loop.
 */
export type TWorkerSpec = {
  /** Unique, e.g. "definitions.conformance"; also the name of its lease. */
  name: string;
  /** One line a person reads on a status page. */
  description: string;
  intervalMs: number;
  maxBackoffMs?: number;
  /** Wait after the n-th failed pass in a row (default: the interval ×2ⁿ, at most `maxBackoffMs`). */
  retryDelayMs?: (consecutiveFailures: number) => number;
  /**
   * "every-server" (the default): each process runs its own. "one-server": runs on one web server at
   * a time, holding a lease (worker_leases) that another server takes over when the holder dies;
   * meanwhile it is in "standby" here. Samplers and sweeps that write to the database are one-server.
   */
  scope?: TWorkerScope;
  /** One-server: this process has just taken the lease; forget what another holder has moved past since. */
  onLeaseTaken?: () => void;
  /** The worker logs its own failures (the registry then logs none). */
  logsItsFailures?: boolean;
  /** One pass. The signal aborts when the worker is stopped or loses its lease. "finished" ends the worker. */
  runOnce: (signal: AbortSignal) => Promise<void | "finished">;
};

export type TResidentSpec = {
  name: string;
  description: string;
  /** Ends the work (closes the source, kills its processes); the registry forgets it at once. */
  stop: () => void | Promise<void>;
};

export type TWorkerStatus = {
  name: string;
  description: string;
  scope: TWorkerScope;
  state: TWorkerState;
  passes: number;
  lastPassAt: Date | null;
  lastError: string | null;
};

export type TPassOutcome = { ok: true } | { ok: false; message: string };

type TEntry = {
  status: TWorkerStatus;
  stop: () => Promise<void>;
  waiters: ((outcome: TPassOutcome) => void)[];
};

const registryKey = Symbol.for("tributary.workers.v2");
const holder = globalThis as typeof globalThis & { [registryKey]?: Map<string, TEntry> };
const entries = (holder[registryKey] ??= new Map<string, TEntry>());

const DEFAULT_MAX_BACKOFF_MS = 60 * 60_000;

function newStatus(name: string, description: string, scope: TWorkerScope): TWorkerStatus {
  return { name, description, scope, state: "running", passes: 0, lastPassAt: null, lastError: null };
}

function settle(entry: TEntry, outcome: TPassOutcome): void {
  entry.status.passes += 1;
  entry.status.lastPassAt = new Date();
  entry.status.lastError = outcome.ok ? null : outcome.message;
  const waiting = entry.waiters;
  entry.waiters = [];
  for (const resolve of waiting) resolve(outcome);
}

async function loop(spec: TWorkerSpec, entry: TEntry, stop: AbortSignal): Promise<void> {
  const { status } = entry;
  const lease =
    spec.scope === "one-server" ? new WorkerLease(spec.name, processHolderId(), leaseTtlMs(spec.intervalMs)) : null;
  const retryDelay =
    spec.retryDelayMs ??
    ((failures: number) => Math.min(spec.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS, spec.intervalMs * 2 ** failures));
  let failures = 0;
  try {
    while (!stop.aborted) {
      if (lease) {
        const taken = await lease.take();
        if (stop.aborted) break;
        if (!taken.held) {
          status.state = taken.error ? "waiting" : "standby";
          if (taken.error) status.lastError = `Could not take the lease in PostgreSQL: ${messageOf(taken.error)}`;
          await abortableSleep(Math.min(spec.intervalMs, lease.ttlMs / 3), stop);
          continue;
        }
        if (taken.isNew) spec.onLeaseTaken?.();
      }
      status.state = "running";
      const started = Date.now();
      let finished = false;
      try {
        finished = (await spec.runOnce(lease ? lease.passSignal(stop) : stop)) === "finished";
        if (failures > 0 && !spec.logsItsFailures) console.info(`Worker ${spec.name} works again.`);
        failures = 0;
        settle(entry, { ok: true });
      } catch (error) {
        failures += 1;
        if (failures === 1 && !spec.logsItsFailures)
          console.warn(`Worker ${spec.name} failed a pass; retrying with back-off.`, error);
        settle(entry, { ok: false, message: messageOf(error) });
      }
      if (finished || stop.aborted) break;
      status.state = "waiting";
      await abortableSleep(failures > 0 ? retryDelay(failures) : started + spec.intervalMs - Date.now(), stop);
    }
  } finally {
    status.state = "stopped";
    await lease?.release();
    if (entries.get(spec.name) === entry) entries.delete(spec.name);
  }
}

/** Starts the worker unless one of that name runs already (then returns false). */
export function startWorker(spec: TWorkerSpec): boolean {
  if (entries.has(spec.name)) return false;
  const controller = new AbortController();
  let done: Promise<void> = Promise.resolve();
  const entry: TEntry = {
    status: newStatus(spec.name, spec.description, spec.scope ?? "every-server"),
    waiters: [],
    stop: async () => {
      controller.abort();
      await done;
    },
  };
  entries.set(spec.name, entry);
  done = loop(spec, entry, controller.signal);
  return true;
}

/** Reports passes of resident work; `end` when it ends by itself (its last subscriber left). */
export type TResidentHandle = {
  recordPass(error?: unknown): void;
  end(): void;
};

/** Lists resident work until it ends; a second registration of a running name replaces the first's entry. */
export function registerResident(spec: TResidentSpec): TResidentHandle {
  const entry: TEntry = {
    status: newStatus(spec.name, spec.description, "every-server"),
    waiters: [],
    stop: async () => {
      await spec.stop();
    },
  };
  entries.set(spec.name, entry);
  return {
    recordPass: (error) => settle(entry, error === undefined ? { ok: true } : { ok: false, message: messageOf(error) }),
    end: () => {
      entry.status.state = "stopped";
      if (entries.get(spec.name) === entry) entries.delete(spec.name);
    },
  };
}

/**
 * Stops the worker: no new pass starts, the running one sees its signal abort, a lease is given up.
 * The name is free at once; resolves when the loop has ended.
 */
export async function stopWorker(name: string): Promise<void> {
  const entry = entries.get(name);
  if (!entry) return;
  entries.delete(name);
  await entry.stop();
}

export function stopAllWorkers(): Promise<void> {
  return Promise.all([...entries.keys()].map(stopWorker)).then(() => undefined);
}

export function workerStatuses(): TWorkerStatus[] {
  return [...entries.values()].map((entry) => ({ ...entry.status }));
}

/** Resolves after the worker's next pass, successful or not (tests await it instead of sleeping). */
export function nextPass(name: string): Promise<TPassOutcome> {
  const entry = entries.get(name);
  if (!entry) return Promise.reject(new Error(`No worker named ${name} runs in this process.`));
  return new Promise((resolve) => entry.waiters.push(resolve));
}
