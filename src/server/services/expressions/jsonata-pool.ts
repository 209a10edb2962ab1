import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { TJsonataBudget } from "~/domain/jsonata/compile";
import { env } from "~/env";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { encodeRecords } from "./record-batch";

/** The worker's script, found from the repository root as demo-member.mjs is. */
export const JSONATA_WORKER_SCRIPT = path.join(
  process.cwd(),
  "src",
  "server",
  "services",
  "expressions",
  "jsonata-worker.mjs",
);
/**
 * Turbopack rewrites `new Worker(path)` into a bundled copy of the worker (it did so for the plain
 * path). A one-line bootstrap that imports the script at run time keeps the very file that vitest
 * and tsx run; the code is ours and fixed, nothing of a user's reaches it.
 */
const BOOTSTRAP = `import(${JSON.stringify(pathToFileURL(JSONATA_WORKER_SCRIPT).href)});`;
/** How often the watchdog looks at busy workers: a stuck record is stopped within its budget + this. */
const WATCH_INTERVAL_MS = 20;

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
  resolve: (outcome: TBatchOutcome) => void;
  reject: (error: unknown) => void;
};

type TSlot = {
  worker: Worker;
  ready: Promise<void>;
  startedAt: Float64Array;
  shared: Int32Array;
  job: TJob | null;
  jobId: number;
};

/**
 * A fixed set of worker threads that evaluate JSONata filters, each with a memory limit. A record
 * that runs past its budget (one regex match or one huge $pad never returns to jsonata's own
 * timeout check) gets its worker terminated and replaced; the batch reports where it stopped.
 * Jobs wait in one queue, first come first served, so searches of different users interleave.
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
      this.queue.push({ expression, records, signal, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; for tests and shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.job?.reject(new Error("The expression workers were shut down."));
    for (const job of this.queue.splice(0)) job.reject(new Error("The expression workers were shut down."));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
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
    Atomics.store(slot.shared, 1, 0);
    slot.startedAt[0] = 0;
    const buffer = encodeRecords(job.records);
    const { source, budget, walksDescendants } = job.expression;
    const message = { id: slot.jobId, source, budget, walksDescendants, buffer, count: job.records.length };
    // Nobody waits any more: the worker stops at its next record.
    const onAbort = () => Atomics.store(slot.shared, 1, 1);
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
    void slot.ready.then(() => slot.worker.postMessage(message, [buffer]));
    this.watchdog ??= setInterval(() => this.watch(), WATCH_INTERVAL_MS);
    this.watchdog.unref();
  }

  private spawn(): TSlot {
    const watch = new SharedArrayBuffer(16);
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { watch },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      // The worker needs nothing from the server's environment.
      env: {},
    });
    worker.unref();
    let markReady: () => void = () => undefined;
    const slot: TSlot = {
      worker,
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      startedAt: new Float64Array(watch, 0, 1),
      shared: new Int32Array(watch, 8, 2),
      job: null,
      jobId: 0,
    };
    worker.on("message", (message: { type?: string; id?: number } & Partial<TBatchOutcome> & { failure?: unknown }) => {
      if (message.type === "ready") return markReady();
      if (message.id !== slot.jobId || !slot.job) return;
      const job = slot.job;
      slot.job = null;
      job.resolve({
        matches: message.matches ?? new Uint8Array(0),
        evaluated: message.evaluated ?? 0,
        failure: toFailure(message.failure),
      });
      this.dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const isMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.retire(slot, isMemory ? { kind: "memory", limitMb: this.memoryMb } : null, error);
    });
    worker.on("exit", () => this.retire(slot, null, new Error("An expression worker exited.")));
    return slot;
  }

  private watch(): void {
    let isBusy = false;
    for (const slot of this.slots) {
      if (!slot.job) continue;
      isBusy = true;
      const started = slot.startedAt[0]!;
      const budgetMs = slot.job.expression.budget.timeoutMs;
      if (started > 0 && Date.now() - started > budgetMs) {
        this.retire(slot, { kind: "deadline", budgetMs }, null);
        void slot.worker.terminate();
      }
    }
    if (!isBusy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  /** Takes a dead or stopped worker out of the pool; its job ends at the record it was on. */
  private retire(slot: TSlot, failure: TBatchFailure | null, error: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const job = slot.job;
    slot.job = null;
    if (job) {
      const evaluated = Atomics.load(slot.shared, 0);
      if (failure) job.resolve({ matches: new Uint8Array(job.records.length), evaluated, failure });
      else job.reject(error);
    }
    this.dispatch();
  }
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

const globalForPool = globalThis as unknown as { tributaryJsonataPool?: JsonataPool };

/** The server's one pool, on globalThis so that dev reloads do not start another. */
export function jsonataPool(): JsonataPool {
  globalForPool.tributaryJsonataPool ??= new JsonataPool(env.JSONATA_WORKERS, env.JSONATA_WORKER_MEMORY_MB);
  return globalForPool.tributaryJsonataPool;
}

/** Ends the pool's workers (tests, shutdown); the next evaluation starts a new pool. */
export async function closeJsonataPool(): Promise<void> {
  const pool = globalForPool.tributaryJsonataPool;
  globalForPool.tributaryJsonataPool = undefined;
  await pool?.close();
}
