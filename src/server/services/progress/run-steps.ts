import "server-only";
import type { TStepEvent } from "~/domain/progress/step-event";
import { AppError } from "~/lib/app-error";

/** One step of a long change: what the list shows, and the work (audited inside when it is a change). */
export type TRunnableStep = { description: string; run: () => Promise<void> };

export type TStepsOutcome = {
  applied: number;
  failed: boolean;
  cancelled: boolean;
  /** The failed step's sentence. */
  sentence: string | null;
  /** The failed step's error, for callers that rethrow it (the CLI, `npm start`). */
  error: AppError | null;
};

const UNEXPECTED = "An unexpected error occurred on the Tributary server.";

/**
 * Runs the steps in order, one event as each starts and ends, and returns how it went. Stops at
 * the first failure (its sentence in the event); an aborted signal stops before the next step — a
 * running step finishes: Kafka cannot take back half a change.
 */
export async function* runSteps(
  steps: readonly TRunnableStep[],
  signal: AbortSignal,
): AsyncGenerator<TStepEvent, TStepsOutcome> {
  const total = steps.length;
  let applied = 0;
  for (const [index, { description, run }] of steps.entries()) {
    if (signal.aborted) return { applied, failed: false, cancelled: true, sentence: null, error: null };
    yield { kind: "step", index, total, status: "running", description };
    try {
      await run();
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`"${description}" failed unexpectedly.`, error);
      const known = error instanceof AppError ? error : new AppError("INTERNAL", UNEXPECTED);
      yield { kind: "step", index, total, status: "failed", description, sentence: known.message };
      return { applied, failed: true, cancelled: false, sentence: known.message, error: known };
    }
    applied += 1;
    yield { kind: "step", index, total, status: "done", description };
  }
  return { applied, failed: false, cancelled: false, sentence: null, error: null };
}
