import "server-only";
import type { z } from "zod";
import type { TDeadLetterRecord, TReplayResult } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeadLettersInput, ZReplayDeadLettersInput } from "~/domain/pipelines/runtime/runtime-requests";
import type { TAuditActor } from "../audit/audited";

/** Placeholder of the shared contract (issue 14): the overlay work fills these. */
const notYet = (): never => {
  throw new Error("The pipeline runtime is not built yet.");
};

/** The newest records of the pipeline's dead-letter topic (a read of message data: audited like a browse). */
export async function readDeadLetters(
  ctx: TAuditActor,
  input: z.infer<typeof ZDeadLettersInput>,
): Promise<TDeadLetterRecord[]> {
  void ctx;
  void input;
  return notYet();
}

/** Produces the step's dead-lettered records back into its input topic, after a fix. Audited. */
export async function replayDeadLetters(
  ctx: TAuditActor,
  input: z.infer<typeof ZReplayDeadLettersInput>,
): Promise<TReplayResult> {
  void ctx;
  void input;
  return notYet();
}
