import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { TJsonataBudget } from "~/domain/jsonata/compile";
import { env } from "~/env";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { encodeRecords } from "./record-batch";
import { registerResident, type TResidentHandle } from "~/server/workers/worker-registry";

/** The worker's script, found from the repository root as demo-member.mjs is. */
export const JSONATA_WORKER_SCRIPT = path.join(
  process.cwd(),
  "src",
  "server",
  "services",
  "expressions",
  "jsonata-worker.mjs",
);
/** How often the watchdog looks at busy workers. */
const WATCH_INTERVAL_MS = 20;
/**
 * A worker reports progress at most every 10 ms (jsonata-worker.mjs), so the record it is stuck on
 * may have started that long after its last report; the rest covers the message's way here.
 */
const PROGRESS_SLACK_MS = 40;

/** Why a record of a batch stopped the batch: jsonata's error, or the pool's own deadline or memory cap. */
export type TBatchFailure =
  | { kind: "jsonata"; code: string | null; message: string }
  | { kind: "depth" }
  | { kind: "deadline"; budgetMs: number }
  | { kind: "memory"; limitMb: number };

/** `matches[i]` for records before `evaluated`; `failure` belongs to the record at `evaluated`, if any. */
export type TBatchOutcome = { matches: Uint8Array; evaluated: number; failure: TBatchFailure | null };

export type TWorkerExpression = { source: string; budget: TJsonataBudget; walksDescendants: boolean };

type TJob = {
  expression: TWorkerExpression;
  records: readonly TFetchedRecord[];
  signal: AbortSignal;
  /** The first record to evaluate, and matches found before it (a second look, see `retire`). */
  from: number;
  matches: Uint8Array | null;
  /** A second look: the worker reports every record, so the one that stops it is named exactly. */
  isSecondLook: boolean;
  resolve: (outcome: TBatchOutcome) => void;
  reject: (error: unknown) => void;
};

type TSlot = {
  worker: ChildProcess;
  isReady: boolean;
  job: TJob | null;
  jobId: number;
  /** What the worker last reported of its job: the record it started, and when that report arrived (0: none yet). */
  reportedIndex: number;
  reportedAt: number;
  /** Matches the worker reported so far, kept for a batch it does not finish. */
  matches: Uint8Array;
};

type TWorkerMessage =
  | { type: "ready" }
  | { type: "progress"; id: number; index: number; matched: number[] }
  | { type: "done"; id: number; matches: Uint8Array; evaluated: number; failure: unknown };

/**
 * A fixed set of worker processes that evaluate JSONata filters, each with a heap limit. A record
 * that runs past its budget (one regex match or one huge $pad never returns to jsonata's own
 * timeout check) gets its worker killed and replaced; the batch reports where it stopped.
 * Jobs wait in one queue, first come first served, so searches of different users interleave.
 *
 * Why processes and not worker threads with `resourceLimits`: V8 gives a thread at its heap limit
 * only a little leeway before it aborts the whole server, and one allocation far past the limit
 * (`$pad("x", 500000000)`) did exactly that; a child process with `--max-old-space-size` dies
 * alone. Without shared memory the worker reports the record it is on over IPC, at most every
 * 10 ms, and the watchdog kills a worker that has reported nothing for its budget (+ slack).
 * Spawned with `process.execPath` and a path, as the dry-run workers are: Turbopack rewrites
 * `fork()` and `new Worker(path)` (vercel/next.js#97952).
 */
class JsonataPool {
  private readonly slots: TSlot[] = [];
  private readonly queue: TJob[] = [];
  private watchdog: NodeJS.Timeout | null = null;
  private nextJobId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly memoryMb: number,
  ) {}

  evaluate(
    expression: TWorkerExpression,
    records: readonly TFetchedRecord[],
    signal: AbortSignal,
  ): Promise<TBatchOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ expression, records, signal, from: 0, matches: null, isSecondLook: false, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; for tests and shutdown. */
  close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.job?.reject(new Error("The expression workers were shut down."));
    for (const job of this.queue.splice(0)) job.reject(new Error("The expression workers were shut down."));
    return Promise.all(slots.map((slot) => stop(slot.worker))).then(() => undefined);
  }

  private dispatch(): void {
    while (this.slots.length < this.size && this.queue.length > 0 && !this.closed) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.job) continue;
      let job = this.queue.shift();
      // A job whose search has ended is dropped unseen.
      while (job?.signal.aborted) {
        job.resolve({ matches: new Uint8Array(0), evaluated: 0, failure: null });
        job = this.queue.shift();
      }
      if (!job) return;
      this.start(slot, job);
    }
  }

  private start(slot: TSlot, job: TJob): void {
    slot.job = job;
    slot.jobId = this.nextJobId++;
    slot.reportedIndex = job.from;
    slot.reportedAt = 0;
    slot.matches = job.matches ?? new Uint8Array(job.records.length);
    const id = slot.jobId;
    // Nobody waits any more: the worker stops at its next look at its messages.
    const onAbort = () => {
      if (slot.job === job && slot.worker.connected) slot.worker.send({ type: "cancel", id });
    };
    job.signal.addEventListener("abort", onAbort, { once: true });
    const { resolve, reject } = job;
    job.resolve = (outcome) => {
      job.signal.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    job.reject = (error) => {
      job.signal.removeEventListener("abort", onAbort);
      reject(error);
    };
    if (slot.isReady) this.post(slot);
    this.watchdog ??= setInterval(() => this.watch(), WATCH_INTERVAL_MS);
    this.watchdog.unref();
  }

  private post(slot: TSlot): void {
    const job = slot.job;
    if (!job) return;
    const { source, budget, walksDescendants } = job.expression;
    const buffer = encodeRecords(job.records);
    const message = {
      type: "batch",
      id: slot.jobId,
      source,
      budget,
      walksDescendants,
      buffer,
      count: job.records.length,
      from: job.from,
      reportEach: job.isSecondLook,
    };
    slot.worker.send(message, (error) => {
      if (error) this.retire(slot, null, error);
    });
  }

  private spawn(): TSlot {
    const worker = spawn(process.execPath, [`--max-old-space-size=${this.memoryMb}`, JSONATA_WORKER_SCRIPT], {
      cwd: process.cwd(),
      // The worker needs nothing from the server's environment, which holds secrets (the database URL).
      env: { NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      // Structured clone: the records' ArrayBuffer and the matches' Uint8Array travel as they are.
      serialization: "advanced",
    });
    // Idle workers must not keep the server (or a test run) from exiting.
    worker.unref();
    worker.channel?.unref();
    const slot: TSlot = {
      worker,
      isReady: false,
      job: null,
      jobId: 0,
      reportedIndex: 0,
      reportedAt: 0,
      matches: new Uint8Array(0),
    };
    worker.on("message", (message: TWorkerMessage) => {
      if (message.type === "ready") {
        slot.isReady = true;
        return this.post(slot);
      }
      if (message.id !== slot.jobId || !slot.job) return;
      if (message.type === "progress") {
        slot.reportedIndex = message.index;
        slot.reportedAt = Date.now();
        for (const index of message.matched) slot.matches[index] = 1;
        return;
      }
      const job = slot.job;
      slot.job = null;
      // The worker answers for the records from `from` on; those before keep the first look's matches.
      message.matches.set(slot.matches.subarray(0, job.from));
      job.resolve({ matches: message.matches, evaluated: message.evaluated, failure: toFailure(message.failure) });
      this.dispatch();
    });
    worker.on("error", (error) => this.retire(slot, null, error));
    worker.on("exit", (code, signal) => {
      // Mid-job, a worker we did not stop died of its heap limit: V8 aborts (SIGABRT) or, through a
      // shell or the kernel's OOM killer, the process ends with a code or SIGKILL.
      const isMemory = slot.isReady && slot.job !== null && (code !== 0 || signal !== null);
      const reason = `An expression worker exited (${signal ?? `code ${code}`}).`;
      this.retire(slot, isMemory ? { kind: "memory", limitMb: this.memoryMb } : null, new Error(reason));
    });
    return slot;
  }

  private watch(): void {
    const overdue: TSlot[] = [];
    for (const slot of this.slots) if (this.isOverdue(slot)) overdue.push(slot);
    if (overdue.length > 0) {
      // Reports may wait unread behind the timer that runs this (a busy event loop): let them in first.
      setImmediate(() => {
        for (const slot of overdue) {
          if (!this.isOverdue(slot)) continue;
          const budgetMs = slot.job!.expression.budget.timeoutMs;
          this.retire(slot, { kind: "deadline", budgetMs }, null);
        }
      });
    }
    if (!this.slots.some((slot) => slot.job) && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private isOverdue(slot: TSlot): boolean {
    if (!slot.job || slot.reportedAt === 0) return false;
    return Date.now() - slot.reportedAt > slot.job.expression.budget.timeoutMs + PROGRESS_SLACK_MS;
  }

  /** Takes a dead or stopped worker out of the pool; its job ends at the record it last reported. */
  private retire(slot: TSlot, failure: TBatchFailure | null, error: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.worker.kill("SIGKILL");
    const job = slot.job;
    slot.job = null;
    if (job && failure && !job.isSecondLook && !job.signal.aborted) {
      // Reports come every 10 ms, so the record that stopped the worker is the one last reported or
      // one soon after. A fresh worker looks again from there, reporting each record, to name it.
      Object.assign(job, { from: slot.reportedIndex, matches: slot.matches, isSecondLook: true });
      this.queue.unshift(job);
    } else if (job) {
      if (failure) job.resolve({ matches: slot.matches, evaluated: slot.reportedIndex, failure });
      else job.reject(error);
    }
    this.dispatch();
  }
}

/** Kills a worker and waits until it is gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once("exit", () => resolve());
    worker.kill("SIGKILL");
  });
}

function toFailure(raw: unknown): TBatchFailure | null {
  if (raw === null || typeof raw !== "object") return null;
  const { code, message } = raw as { code?: unknown; message?: unknown };
  if (code === "DEPTH") return { kind: "depth" };
  return {
    kind: "jsonata",
    code: typeof code === "string" ? code : null,
    message: typeof message === "string" ? message : "",
  };
}

const globalForPool = globalThis as unknown as {
  tributaryJsonataPool?: JsonataPool;
  tributaryJsonataEntry?: TResidentHandle;
};

/** The server's one pool, on globalThis so that dev reloads do not start another; listed in the worker registry. */
export function jsonataPool(): JsonataPool {
  if (!globalForPool.tributaryJsonataPool) {
    globalForPool.tributaryJsonataPool = new JsonataPool(env.JSONATA_WORKERS, env.JSONATA_WORKER_MEMORY_MB);
    globalForPool.tributaryJsonataEntry = registerResident({
      name: "expressions.jsonata-pool",
      description: `${env.JSONATA_WORKERS} processes (${env.JSONATA_WORKER_MEMORY_MB} MiB heap each) evaluating search filters the fast path cannot answer.`,
      stop: closeJsonataPool,
    });
  }
  return globalForPool.tributaryJsonataPool;
}

/** Ends the pool's worker processes (tests, shutdown); the next evaluation starts a new pool. */
export async function closeJsonataPool(): Promise<void> {
  const pool = globalForPool.tributaryJsonataPool;
  globalForPool.tributaryJsonataPool = undefined;
  globalForPool.tributaryJsonataEntry?.end();
  globalForPool.tributaryJsonataEntry = undefined;
  await pool?.close();
}
