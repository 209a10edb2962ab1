import {
  deployStoppedSentence,
  type TDeployEvent,
  type TDeployStepPart,
} from "~/domain/pipelines/runtime/deploy-progress";
import type { TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import { applyRunEvent, cancelRun, STARTING_RUN, type TApplyRun } from "../../definitions/plan/apply-run";

/** A deploy as the dialog shows it: the definitions apply's run, with what each step prepares and the deployment. */
export type TDeployRun = TApplyRun & { parts: TDeployStepPart[]; deployment: TDeploymentDto | null };

export const STARTING_DEPLOY: TDeployRun = { ...STARTING_RUN, parts: [], deployment: null };

/** The run after one event of `runtime.deploy` (pure, so the order rules are tested). */
export function deployRunEvent(run: TDeployRun, event: TDeployEvent): TDeployRun {
  switch (event.kind) {
    case "steps":
      return {
        ...run,
        steps: event.steps.map(({ description }) => ({ description, status: "pending" })),
        parts: event.steps.map(({ part }) => part),
      };
    case "step":
      return { ...run, ...applyRunEvent(run, event) };
    case "finished": {
      const { applied, failed, cancelled } = event;
      const finished = applyRunEvent(run, { kind: "finished", applied, failed, cancelled });
      return { ...run, ...finished, sentence: event.sentence ?? finished.sentence, deployment: event.deployment };
    }
  }
}

/**
 * Cancelled from the dialog: the browser unsubscribes, so the server's own last event never
 * arrives; the sentence is made here from the steps seen. A running step finishes on the server.
 */
export function cancelDeployRun(run: TDeployRun): TDeployRun {
  if (run.state !== "running") return run;
  const applied = run.steps.filter((step) => step.status === "done").length;
  const running = run.steps.findIndex((step) => step.status === "running");
  const sentence = deployStoppedSentence(run.parts, applied, {
    cancelled: true,
    ...(running >= 0 ? { running } : {}),
  });
  return { ...run, ...cancelRun(run), sentence };
}
