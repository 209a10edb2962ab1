"use client";

import type { TooltipContentProps } from "recharts";
import { CHART_TOOLTIP_STYLE } from "~/components/charts/chart-style";
import type { TLagRebalanceMarker } from "~/domain/groups/lag-history-dto";
import { describeRebalance, rebalancesNear } from "./lag-chart-rows";
import { formatFullTime } from "./lag-time-format";

type TLagTooltipProps = Pick<TooltipContentProps<number, string>, "active" | "payload" | "label"> & {
  markers: readonly TLagRebalanceMarker[];
  bucketMs: number;
  formatValue: (value: number) => string;
};

/** The hovered point's values, and the rebalances that happened in its bucket. */
export function LagTooltip({ active, payload, label, markers, bucketMs, formatValue }: TLagTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  const at = Number(label);
  const near = rebalancesNear(markers, at, bucketMs);
  return (
    <div style={CHART_TOOLTIP_STYLE} className="max-w-xs space-y-1 px-3 py-2">
      <p className="font-medium">{formatFullTime(at)}</p>
      <ul>
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: entry.color }} />
            <span>{entry.name}:</span>
            <span className="tabular-nums">{typeof entry.value === "number" ? formatValue(entry.value) : "—"}</span>
          </li>
        ))}
      </ul>
      {near.map((marker) => (
        <p key={marker.id} className="text-warn">
          Rebalance at {formatFullTime(marker.at)}: {describeRebalance(marker)}
        </p>
      ))}
    </div>
  );
}
