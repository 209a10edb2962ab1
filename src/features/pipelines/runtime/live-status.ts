import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { runnerNames } from "./instance-marks";

export type TLiveStatus = {
  tone: "ok" | "warn" | "muted";
  /** "Live: revision 3", "Stopped at revision 3". */
  title: string;
  /** What else the operator should know: another revision is shown, no runner runs, a runner is gone. */
  notes: string[];
};

/**
 * The line over the canvas while the pipeline is deployed. The open document may be another
 * revision than the deployed one: the overlay is drawn on it by id, and this says so.
 */
export function liveStatus(overlay: TRuntimeOverlay | null, openRevision: number): TLiveStatus | null {
  const deployment = overlay?.deployment;
  if (!overlay || !deployment) return null;
  const notes: string[] = [];
  if (deployment.revision !== openRevision) {
    notes.push(`Showing live data of revision ${deployment.revision}; you are editing revision ${openRevision}.`);
  }
  const isRunning = deployment.desiredState === "running";
  const alive = overlay.runners.filter((runner) => !runner.gone && runner.stoppedAt === null);
  const names = runnerNames(overlay.runners);
  const gone = overlay.runners.filter((runner) => runner.gone && runner.stoppedAt === null);
  if (isRunning && alive.length === 0) {
    notes.push("No runner is running, so no step processes records. Start one with npm run runner.");
  }
  if (gone.length > 0) {
    const list = gone.map((runner) => names.get(runner.id) ?? runner.host).join(", ");
    notes.push(`${pluralize(gone.length, "runner")} stopped sending heartbeats: ${list}.`);
  }
  return {
    tone: !isRunning ? "muted" : notes.some((note) => !note.startsWith("Showing")) ? "warn" : "ok",
    title: isRunning ? `Live: revision ${deployment.revision}` : `Stopped at revision ${deployment.revision}`,
    notes,
  };
}
