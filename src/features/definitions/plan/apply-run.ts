import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import { describePlanStep, type TPlan } from "~/domain/definitions/plan";

export type TStepStatus = "pending" | "running" | "done" | "failed" | "skipped";
export type TRunStep = { description: string; status: TStepStatus; sentence?: string };

/** One apply as the page shows it: the server's plan as steps with their status, and how it ended. */
export type TApplyRun = {
  state: "running" | "finished" | "cancelled" | "error";
  steps: TRunStep[];
  applied: number;
  failed: boolean;
  /** The sentence of the failed step, or of the subscription's error. */
  sentence: string | null;
};

export const STARTING_RUN: TApplyRun = { state: "running", steps: [], applied: 0, failed: false, sentence: null };

/** The run after one event of `definitions.applyPlan` (pure, so the order rules are tested). */
export function applyRunEvent(run: TApplyRun, event: TApplyEvent): TApplyRun {
  switch (event.kind) {
    case "plan":
      return { ...run, steps: stepsOf(event.plan) };
    case "step": {
      const steps = [...run.steps];
      while (steps.length < event.total) steps.push({ description: "", status: "pending" });
      steps[event.index] = {
        description: event.description,
        status: event.status,
        ...(event.sentence ? { sentence: event.sentence } : {}),
      };
      return {
        ...run,
        steps,
        failed: run.failed || event.status === "failed",
        sentence: event.status === "failed" ? (event.sentence ?? run.sentence) : run.sentence,
      };
    }
    case "finished": {
      // Steps after the failed (or cancelled) one never ran.
      const steps = run.steps.map((step) =>
        step.status === "pending" ? { ...step, status: "skipped" as const } : step,
      );
      return {
        ...run,
        steps,
        state: event.cancelled ? "cancelled" : "finished",
        applied: event.applied,
        failed: event.failed,
      };
    }
  }
}

export function stepsOf(plan: TPlan): TRunStep[] {
  return plan.steps.map((step) => ({ description: describePlanStep(step), status: "pending" }));
}

/** Cancelled from this page: the server stops before its next step; what ran stays done. */
export function cancelRun(run: TApplyRun): TApplyRun {
  if (run.state !== "running") return run;
  return {
    ...run,
    state: "cancelled",
    steps: run.steps.map((step) => (step.status === "pending" ? { ...step, status: "skipped" } : step)),
  };
}
