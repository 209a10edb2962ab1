import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { AppError } from "~/lib/app-error";
import { registerResident, type TResidentHandle } from "~/server/workers/worker-registry";
import type { TJobResult, TWorkerAnswer, TWorkerJob, TWorkerReady } from "./worker-protocol";

/** The worker's entry, found from the repository root as the JSONata worker is. */
const WORKER_ENTRY = path.join(process.cwd(), "src", "server", "services", "pipelines", "dry-run", "worker-entry.ts");

/** Runs and comparisons at once: the machine's cores are the web server's too. */
const MAX_RUNS = 2;
/**
 * One more worker for the quick jobs (a preview as the user types, a model check), so that they
 * never wait behind two runs of 30 seconds.
 */
const MAX_WORKERS = MAX_RUNS + 1;
const isRun = (job: TWorkerJob) => job.type === "dry-run" || job.type === "compare";
/** Jobs waiting beyond this are refused with a sentence rather than queued for minutes. */
const MAX_WAITING = 16;
/** Heap of one worker: the sample, the steps' state and the results must fit. */
export const DRY_RUN_WORKER_MEMORY_MB = 384;
/** An idle worker is ended after this, so its heap is given back. */
const IDLE_MS = 5 * 60_000;
/** A worker that has not loaded the engine by then is treated as broken. */
const BOOT_MS = 60_000;

export type TJobOutcome<T> =
  | { kind: "done"; result: T }
  /** The job ended with a sentence of its own (a model that does not load, an engine refusal). */
  | { kind: "failed"; sentence: string }
  /** The worker was stopped: deadline, heap limit, cancellation, or a crash. */
  | { kind: "stopped"; sentence: string };

export type TJobOptions = { deadlineMs: number; signal?: AbortSignal; what: string };

type TPending = {
  id: number;
  job: TWorkerJob;
  options: TJobOptions;
  finish: (outcome: TJobOutcome<unknown>) => void;
};

type TSlot = { worker: ChildProcess; isReady: boolean; current: TPending | null; timer: NodeJS.Timeout | null };

/**
 * A few long-lived worker processes that run dry runs, comparisons, expression previews and model
 * checks, one job each at a time. The server never waits on user code: a job that outlives its
 * deadline, is cancelled, or breaks its heap limit gets its worker killed (which stops even a
 * regex or a native call mid-way) and answers with a sentence; the next job starts a fresh one.
 *
 * Why processes and not worker threads with `resourceLimits`: a thread shares the server's
 * process, and V8 gives a thread at its heap limit only 16 MiB of leeway before it aborts the
 * whole process. One JSONata expression that builds a string of a few hundred MiB in one
 * allocation (`$pad("x", 500000000)`, or doubling a string in a recursion) took the server down
 * that way in testing; so would a native crash in onnxruntime parsing an uploaded file. A child
 * process with `--max-old-space-size` dies alone.
 *
 * The engine is TypeScript under src/domain, so the child runs the entry through tsx (the app
 * always runs with tsx installed: `npm start` is `node --import tsx`); tsx reads tsconfig.json
 * from the working directory (the repository root), so `~/` imports resolve. Spawned with
 * `process.execPath` and a path, as the playground's members are: Turbopack mistakes fork()'s
 * path for a module to bundle (vercel/next.js#97952).
 */
class DryRunPool {
  /** Set by the registry entry: each finished job counts as a pass, a stopped one with its sentence. */
  onFinished: ((outcome: TJobOutcome<unknown>) => void) | undefined;
  private readonly slots: TSlot[] = [];
  private readonly waiting: TPending[] = [];
  private nextId = 1;

  run<TJob extends TWorkerJob>(job: TJob, options: TJobOptions): Promise<TJobOutcome<TJobResult<TJob>>> {
    if (options.signal?.aborted) return Promise.resolve({ kind: "stopped", sentence: cancelled(options.what) });
    if (this.waiting.length >= MAX_WAITING) {
      throw new AppError(
        "TIMEOUT",
        "Tributary is busy with other dry runs and previews.",
        "Try again in a few seconds.",
      );
    }
    return new Promise((resolve) => {
      const pending: TPending = { id: this.nextId++, job, options, finish: () => undefined };
      const onAbort = () => this.cancel(pending);
      pending.finish = (outcome) => {
        options.signal?.removeEventListener("abort", onAbort);
        this.onFinished?.(outcome);
        resolve(outcome as TJobOutcome<TJobResult<TJob>>);
      };
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(pending);
      this.dispatch();
    });
  }

  /** Process ids of the workers running a job now (tests check that a cancelled one is gone). */
  busyWorkerPids(): number[] {
    return this.slots.flatMap((slot) => (slot.current && slot.worker.pid !== undefined ? [slot.worker.pid] : []));
  }

  /** Ends every worker (tests, shutdown); waiting and running jobs stop with a sentence. */
  close(): void {
    for (const pending of this.waiting.splice(0))
      pending.finish({ kind: "stopped", sentence: "The server is shutting down." });
    for (const slot of [...this.slots]) this.fail(slot, "The server is shutting down.");
  }

  /** Starts waiting jobs in order; a run waits while MAX_RUNS are running, a quick job goes past it. */
  private dispatch(): void {
    for (const pending of [...this.waiting]) {
      const runs = this.slots.filter((slot) => slot.current && isRun(slot.current.job)).length;
      if (isRun(pending.job) && runs >= MAX_RUNS) continue;
      let slot = this.slots.find((candidate) => candidate.current === null);
      if (!slot && this.slots.length < MAX_WORKERS) slot = this.spawn();
      if (!slot) return;
      this.waiting.splice(this.waiting.indexOf(pending), 1);
      this.start(slot, pending);
    }
  }

  private start(slot: TSlot, pending: TPending): void {
    slot.current = pending;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.isReady) this.post(slot);
    else slot.timer = setTimeout(() => this.fail(slot, "The dry-run worker did not start in time."), BOOT_MS);
  }

  private post(slot: TSlot): void {
    const pending = slot.current;
    if (!pending) return;
    if (slot.timer) clearTimeout(slot.timer);
    const { deadlineMs, what } = pending.options;
    slot.timer = setTimeout(
      () => this.fail(slot, `${capitalize(what)} was stopped after ${formatSeconds(deadlineMs)}, its time budget.`),
      deadlineMs,
    );
    slot.worker.send({ id: pending.id, job: pending.job }, (error) => {
      if (error) this.fail(slot, "The dry-run worker could not be reached. Try again.");
    });
  }

  private spawn(): TSlot {
    const worker = spawn(
      process.execPath,
      [
        // "server-only" resolves to its empty module under this condition, as in Next's server build.
        "--conditions=react-server",
        "--import",
        "tsx",
        `--max-old-space-size=${DRY_RUN_WORKER_MEMORY_MB}`,
        "--stack-size=2048",
        WORKER_ENTRY,
      ],
      {
        cwd: process.cwd(),
        // The worker needs nothing from the server's environment, which holds secrets (the database URL).
        env: { NODE_ENV: "production" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        // Structured clone: Maps, Uint8Arrays and bigints travel as they are.
        serialization: "advanced",
      },
    );
    // Idle workers must not keep the server (or a test run) from exiting.
    worker.unref();
    worker.channel?.unref();
    const slot: TSlot = { worker, isReady: false, current: null, timer: null };
    worker.on("message", (message: TWorkerAnswer | TWorkerReady) => {
      if ("type" in message) {
        slot.isReady = true;
        if (slot.current) this.post(slot);
        return;
      }
      const pending = slot.current;
      if (!pending || pending.id !== message.id) return;
      this.release(slot);
      pending.finish(
        message.ok ? { kind: "done", result: message.result } : { kind: "failed", sentence: message.sentence },
      );
      this.dispatch();
    });
    worker.on("error", (error) => {
      console.error("dry-run worker failed", error);
      this.fail(slot, "The dry-run worker could not be started. Check the server log.");
    });
    worker.on("exit", (code, signal) => {
      const what = slot.current?.options.what ?? "the job";
      // V8 aborts a process at its heap limit (SIGABRT, or exit code 134 through a shell).
      const isMemory = signal === "SIGABRT" || code === 134;
      this.fail(
        slot,
        isMemory
          ? `${capitalize(what)} needed more than ${DRY_RUN_WORKER_MEMORY_MB} MiB of memory and was stopped.`
          : "The dry-run worker stopped unexpectedly. Try again; if it persists, check the server log.",
      );
    });
    this.slots.push(slot);
    return slot;
  }

  /** The job is done: the worker waits for the next one, and ends itself when none comes. */
  private release(slot: TSlot): void {
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.retire(slot), IDLE_MS);
    slot.timer.unref();
  }

  private cancel(pending: TPending): void {
    const index = this.waiting.indexOf(pending);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      pending.finish({ kind: "stopped", sentence: cancelled(pending.options.what) });
      return;
    }
    const slot = this.slots.find((candidate) => candidate.current === pending);
    if (slot) this.fail(slot, cancelled(pending.options.what));
  }

  /** Terminates a worker (mid-job or starting); its job answers with the sentence. */
  private fail(slot: TSlot, sentence: string): void {
    const pending = slot.current;
    this.retire(slot);
    pending?.finish({ kind: "stopped", sentence });
  }

  private retire(slot: TSlot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.worker.kill("SIGKILL");
    this.dispatch();
  }
}

const cancelled = (what: string) => `${capitalize(what)} was cancelled.`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const formatSeconds = (ms: number) =>
  ms < 1000 ? `${ms} ms` : ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;

const globalForPool = globalThis as unknown as {
  tributaryDryRunPool?: DryRunPool;
  tributaryDryRunEntry?: TResidentHandle;
};
const POOL_WORKER = "pipelines.dry-run-pool";

/** The server's one pool, on globalThis so that dev reloads do not start another; listed in the worker registry. */
export function dryRunPool(): DryRunPool {
  if (!globalForPool.tributaryDryRunPool) {
    const pool = new DryRunPool();
    const entry = registerResident({
      name: POOL_WORKER,
      description: `Up to ${MAX_WORKERS} processes (${DRY_RUN_WORKER_MEMORY_MB} MiB heap each) running dry runs, previews and model checks; idle ones end after ${IDLE_MS / 60_000} min.`,
      stop: closeDryRunPool,
    });
    pool.onFinished = (outcome) =>
      entry.recordPass(outcome.kind === "stopped" ? new Error(outcome.sentence) : undefined);
    globalForPool.tributaryDryRunPool = pool;
    globalForPool.tributaryDryRunEntry = entry;
  }
  return globalForPool.tributaryDryRunPool;
}

/** Ends the pool's workers (tests, shutdown); the next job starts a new pool. */
export function closeDryRunPool(): void {
  const pool = globalForPool.tributaryDryRunPool;
  globalForPool.tributaryDryRunPool = undefined;
  globalForPool.tributaryDryRunEntry?.end();
  globalForPool.tributaryDryRunEntry = undefined;
  pool?.close();
}
