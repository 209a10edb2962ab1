import "server-only";
import { parentPort } from "node:worker_threads";
import { StepConfigError } from "~/domain/pipelines/step-types";
import { AppError } from "~/lib/app-error";
import { previewExpression } from "./expression-preview";
import { inspectModel } from "./onnx-sessions";
import { compareJob, dryRunJob } from "./run-jobs";
import type { TWorkerAnswer, TWorkerJob, TWorkerReady, TWorkerRequest } from "./worker-protocol";

/**
 * The dry-run worker thread (started by worker-pool.ts through tsx, see there). The user's
 * JSONata, the pipeline's steps and onnxruntime run here and never in the server's own thread: a
 * step that spins, an expression that allocates without end or a model that crashes stops this
 * thread, which the server terminates at its deadline or heap limit and replaces.
 * One job at a time; the server sends the next when the answer is back.
 */
const port = parentPort;
if (!port) throw new Error("worker-entry.ts runs only as a worker thread.");

function handle(job: TWorkerJob): Promise<unknown> {
  switch (job.type) {
    case "dry-run":
      return dryRunJob(job.document, job.inputs);
    case "compare":
      return compareJob(job.documentA, job.documentB, job.inputs);
    case "preview":
      return previewExpression(job.expression, job.sample, job.result);
    case "inspect-model":
      return inspectModel(job.bytes);
  }
}

port.on("message", (request: TWorkerRequest) => {
  void handle(request.job).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies TWorkerAnswer),
    (error: unknown) => {
      const isSentence = error instanceof StepConfigError || error instanceof AppError;
      // Anything else is our bug, not the user's: logged here (the server's stderr), a plain sentence there.
      if (!isSentence) console.error("dry-run worker: a job failed", error);
      const sentence = isSentence
        ? error.message
        : "The dry run failed inside Tributary's worker. Try again; if it persists, check the server log.";
      port.postMessage({ id: request.id, ok: false, sentence } satisfies TWorkerAnswer);
    },
  );
});

port.postMessage({ type: "ready" } satisfies TWorkerReady);
