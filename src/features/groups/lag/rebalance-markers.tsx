"use client";

import { ReferenceLine } from "recharts";
import type { TLagRebalanceMarker } from "~/domain/groups/lag-history-dto";
import { labelledMarkerIds } from "./lag-chart-rows";

/**
 * One dashed vertical line per stored rebalance, labelled with its generation
 * where there is room. Returned as an
 * array (not a component) because a chart reads its reference lines from its direct children.
 */
export function rebalanceLines(markers: readonly TLagRebalanceMarker[], from: number, to: number) {
  const labelled = labelledMarkerIds(markers, from, to);
  return markers.map((marker) => (
    <ReferenceLine
      key={marker.id}
      x={marker.at}
      stroke="var(--color-warn)"
      strokeDasharray="4 3"
      ifOverflow="hidden"
      label={
        labelled.has(marker.id)
          ? {
              value: marker.generation === null ? "↻" : `g${marker.generation}`,
              position: "insideTopRight",
              fill: "var(--color-warn)",
              fontSize: 11,
            }
          : undefined
      }
    />
  ));
}
