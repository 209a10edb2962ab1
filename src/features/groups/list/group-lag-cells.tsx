import { formatDuration } from "~/domain/groups/group-lag";

const INT64_FORMAT = new Intl.NumberFormat("en-US");

/** Lag in messages (an int64 string); a dash with a reason when unknown. */
export function LagCount({ lag, unknownReason }: { lag: string | null; unknownReason: string }) {
  if (lag === null) {
    return (
      <span className="text-muted" title={unknownReason}>
        —
      </span>
    );
  }
  return <span className={lag === "0" ? "text-muted" : undefined}>{INT64_FORMAT.format(BigInt(lag))}</span>;
}

/** How long ago the next unconsumed record was produced; "caught up" when there is none. */
export function TimeLag({ timeLagMs, lag }: { timeLagMs: number | null; lag: string | null }) {
  if (timeLagMs !== null) return <span>{formatDuration(timeLagMs)}</span>;
  if (lag === "0") return <span className="text-muted">caught up</span>;
  return (
    <span className="text-muted" title="The record at the committed offset could not be read">
      —
    </span>
  );
}
