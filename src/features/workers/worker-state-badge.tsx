import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { TWorkerState } from "~/domain/workers";

const TONE: Record<TWorkerState, BadgeTone> = {
  running: "ok",
  waiting: "accent",
  standby: "neutral",
  stopped: "danger",
};

/** What each state means, for the badge's title (the table has no room for it). */
const MEANING: Record<TWorkerState, string> = {
  running: "A pass is running (or the work is live).",
  waiting: "Between passes; the next one starts on schedule.",
  standby: "Another web server holds its lease and runs it; this one takes over if that server dies.",
  stopped: "Not running.",
};

export function WorkerStateBadge({ state, hasError }: { state: TWorkerState; hasError: boolean }) {
  return (
    <span title={MEANING[state]}>
      <Badge tone={hasError && state !== "stopped" ? "warn" : TONE[state]}>{state}</Badge>
    </span>
  );
}
