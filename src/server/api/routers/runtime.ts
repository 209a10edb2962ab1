import "server-only";
import {
  ZDeadLettersInput,
  ZDeployInput,
  ZDeploymentRef,
  ZReplayDeadLettersInput,
  ZStepHistoryInput,
} from "~/domain/pipelines/runtime/runtime-requests";
import { limitedStream } from "~/server/services/limits/limits";
import { readDeadLetters, replayDeadLetters } from "~/server/services/runtime/dead-letters-service";
import { deployStream, planDeploy, resumeDeployment, stopDeployment } from "~/server/services/runtime/deploy-service";
import {
  listRunnerDtos,
  runtimeOverlay,
  stepHistory,
  watchRuntimeOverlay,
} from "~/server/services/runtime/overlay-service";
import { procedure, router, withAppErrors } from "../trpc";

/** The pipeline runtime: deploy (streamed), stop, resume; the live overlay; step history; dead letters; runners. */
export const runtimeRouter = router({
  /** What a deploy of the newest revision would do; changes nothing. */
  plan: procedure("viewer")
    .input(ZDeploymentRef)
    .query(({ input }) => planDeploy(input)),

  /**
   * Plans again on the server, then runs the deploy step by step ("step k of n"): topics, changelog
   * topics, start offsets, and last the deployment. Unsubscribing cancels before the next step, so
   * a cancelled deploy never starts a runner. Ends with the deployment.
   */
  deploy: procedure("operator")
    .input(ZDeployInput)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(deployStream(ctx, input, signal ?? new AbortController().signal));
    }),

  stop: procedure("operator")
    .input(ZDeploymentRef)
    .mutation(({ ctx, input }) => stopDeployment(ctx, input)),

  resume: procedure("operator")
    .input(ZDeploymentRef)
    .mutation(({ ctx, input }) => resumeDeployment(ctx, input)),

  status: procedure("viewer")
    .input(ZDeploymentRef)
    .query(({ input }) => runtimeOverlay(input)),

  /** The live overlay, pushed about once a second. */
  watch: procedure("viewer")
    .input(ZDeploymentRef)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(limitedStream("watch", ctx.actor, () => watchRuntimeOverlay(input, signal)));
    }),

  history: procedure("viewer")
    .input(ZStepHistoryInput)
    .query(({ input }) => stepHistory(input)),

  /** Reads message data of the dead-letter topic (audited like a browse). */
  deadLetters: procedure("viewer")
    .input(ZDeadLettersInput)
    .query(({ ctx, input }) => readDeadLetters(ctx, input)),

  replayDeadLetters: procedure("operator")
    .input(ZReplayDeadLettersInput)
    .mutation(({ ctx, input }) => replayDeadLetters(ctx, input)),

  runners: procedure("viewer").query(() => listRunnerDtos()),
});
