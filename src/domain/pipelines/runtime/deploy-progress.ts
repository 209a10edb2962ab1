import type { TStepEvent } from "~/domain/progress/step-event";
import { pluralize } from "~/lib/format";
import type { TDeploymentDto } from "./runtime-dto";

/** What a step of a deploy prepares; the deployment is always the last step. */
export type TDeployStepPart = "topic" | "changelog" | "offsets" | "deployment";
export type TDeployStepInfo = { description: string; part: TDeployStepPart };

/**
 * What `runtime.deploy` streams: every step it will run, each step as it runs, then how it ended —
 * with the deployment when it was written, else the sentence of what was done and what was not.
 */
export type TDeployEvent =
  | { kind: "steps"; steps: TDeployStepInfo[] }
  | TStepEvent
  | {
      kind: "finished";
      applied: number;
      failed: boolean;
      cancelled: boolean;
      sentence: string | null;
      deployment: TDeploymentDto | null;
    };

const PART_COUNTS: Record<Exclude<TDeployStepPart, "deployment">, (done: number, total: number) => string> = {
  topic: (done, total) => `${done} of ${pluralize(total, "topic change")}`,
  changelog: (done, total) => `${done} of ${pluralize(total, "changelog topic")}`,
  offsets: (done, total) => `the start offsets of ${done} of ${pluralize(total, "consumer group")}`,
};

/** "2 of 4 topic changes and 1 of 1 changelog topic": the parts with a step done, in order. */
function doneSummary(parts: readonly TDeployStepPart[], applied: number): string | null {
  const counted: string[] = [];
  for (const part of ["topic", "changelog", "offsets"] as const) {
    const total = parts.filter((candidate) => candidate === part).length;
    const done = parts.slice(0, applied).filter((candidate) => candidate === part).length;
    if (done > 0) counted.push(PART_COUNTS[part](done, total));
  }
  if (counted.length === 0) return null;
  return counted.length === 1 ? counted[0]! : `${counted.slice(0, -1).join(", ")} and ${counted.at(-1)!}`;
}

/**
 * Why a deploy ended without a deployment, and what it left behind: the topics and offsets made so
 * far stay (Kafka cannot take them back), and no runner starts, as the deployment is written last.
 * `running` is the step that was running when the browser cancelled: it finishes on the server.
 */
export function deployStoppedSentence(
  parts: readonly TDeployStepPart[],
  applied: number,
  end: { cancelled: true; running?: number } | { cancelled: false; sentence: string },
): string {
  const done = doneSummary(parts, applied);
  if (!end.cancelled) {
    const before = done ? `Done before it: ${done}` : "Nothing was changed before it";
    return `The deploy stopped at step ${applied + 1} of ${parts.length}: ${end.sentence} ${before}; nothing was deployed. Fix the cause and deploy again.`;
  }
  if (end.running !== undefined) {
    const step = `step ${end.running + 1} of ${parts.length}`;
    if (parts[end.running] === "deployment") {
      return `Cancelled while the deployment was being written (${step}): it finishes, so the revision deploys.`;
    }
    return `Cancelled during ${step}: it finishes, and no later step runs; nothing was deployed. Deploy again to finish.`;
  }
  if (!done) return "Cancelled before the first step; nothing was changed and nothing was deployed.";
  return `Cancelled after ${done}; nothing was deployed. Deploy again to finish.`;
}
