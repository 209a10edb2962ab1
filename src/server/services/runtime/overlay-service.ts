import "server-only";
import type { z } from "zod";
import type { TRunnerDto, TRuntimeOverlay, TStepSamplePoint } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeploymentRef, ZStepHistoryInput } from "~/domain/pipelines/runtime/runtime-requests";

type TDeploymentRef = z.infer<typeof ZDeploymentRef>;

/** Placeholder of the shared contract (issue 14): the overlay work fills these. */
const notYet = (): never => {
  throw new Error("The pipeline runtime is not built yet.");
};

/** The live picture now: step states, rates, lag, instances and partitions, the dead-letter edge. */
export async function runtimeOverlay(ref: TDeploymentRef): Promise<TRuntimeOverlay> {
  void ref;
  return notYet();
}

/** The overlay about once a second; one shared poll per pipeline however many pages watch. */
export async function* watchRuntimeOverlay(ref: TDeploymentRef, signal?: AbortSignal): AsyncGenerator<TRuntimeOverlay> {
  void ref;
  void signal;
  yield notYet();
}

export async function stepHistory(input: z.infer<typeof ZStepHistoryInput>): Promise<TStepSamplePoint[]> {
  void input;
  return notYet();
}

export async function listRunnerDtos(): Promise<TRunnerDto[]> {
  return notYet();
}
