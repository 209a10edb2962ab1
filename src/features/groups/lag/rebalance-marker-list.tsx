"use client";

import type { TLagRebalanceMarker } from "~/domain/groups/lag-history-dto";
import { describeRebalance } from "./lag-chart-rows";
import { formatFullTime } from "./lag-time-format";

/** The charts' markers as text, for keyboards and screen readers (a chart is only a picture to them). */
export function RebalanceMarkerList({ markers }: { markers: readonly TLagRebalanceMarker[] }) {
  if (markers.length === 0) return <p className="text-muted text-sm">No rebalances stored in this window.</p>;
  return (
    <details className="text-sm">
      <summary className="text-muted hover:text-ink cursor-pointer">
        {markers.length} rebalance{markers.length === 1 ? "" : "s"} in this window (dashed lines)
      </summary>
      <ol className="mt-2 space-y-1">
        {[...markers].reverse().map((marker) => (
          <li key={marker.id}>
            <time dateTime={new Date(marker.at).toISOString()} className="tabular-nums">
              {formatFullTime(marker.at)}
            </time>{" "}
            — {describeRebalance(marker)}
          </li>
        ))}
      </ol>
    </details>
  );
}
