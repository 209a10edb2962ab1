import "server-only";
import { StepConfigError } from "~/domain/pipelines/step-types";
import { AppError } from "~/lib/app-error";
import { previewExpression } from "./expression-preview";
import { inspectModel } from "./onnx-sessions";
import type { TWorkerAnswer, TWorkerJob, TWorkerReady, TWorkerRequest } from "./worker-protocol";

/**
 * The dry-run worker process (started by worker-pool.ts through tsx, see there for why a process).
 * The user's JSONata, the pipeline's steps and onnxruntime run here and never in the server's
 * process: a step that spins, an expression that allocates without end or a model that crashes
 * ends this process, which the server kills at its deadline and replaces.
 * One job at a time; the server sends the next when the answer is back.
 */
const send = process.send?.bind(process);
if (!send) throw new Error("worker-entry.ts runs only as a child process with an IPC channel.");
// The server is gone (killed outright): nobody waits for an answer.
process.on("disconnect", () => process.exit(0));

/** The engine loads on the first run, so that a preview or a model check answers without waiting for it. */
const runJobs = () => import("./run-jobs");

async function handle(job: TWorkerJob): Promise<unknown> {
  switch (job.type) {
    case "dry-run":
      return (await runJobs()).dryRunJob(job.document, job.inputs);
    case "compare":
      return (await runJobs()).compareJob(job.documentA, job.documentB, job.inputs);
    case "preview":
      return previewExpression(job.expression, job.sample, job.result);
    case "inspect-model":
      return inspectModel(job.bytes);
  }
}

process.on("message", (request: TWorkerRequest) => {
  void handle(request.job).then(
    (result) => send({ id: request.id, ok: true, result } satisfies TWorkerAnswer),
    (error: unknown) => {
      const isSentence = error instanceof StepConfigError || error instanceof AppError;
      // Anything else is our bug, not the user's: logged here (the server's stderr), a plain sentence there.
      if (!isSentence) console.error("dry-run worker: a job failed", error);
      const sentence = isSentence
        ? error.message
        : "The dry run failed inside Tributary's worker. Try again; if it persists, check the server log.";
      send({ id: request.id, ok: false, sentence } satisfies TWorkerAnswer);
    },
  );
});

send({ type: "ready" } satisfies TWorkerReady);
