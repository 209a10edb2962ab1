"use client";

import { Area, CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GRID_PROPS, timeAxisProps, VALUE_AXIS_PROPS } from "~/components/charts/chart-style";
import { formatDuration } from "~/domain/groups/group-lag";
import type { TLagHistory } from "~/domain/groups/lag-history-dto";
import { formatTimeLagTick, gapThresholdMs, timeLagTicks, totalLagRows } from "./lag-chart-rows";
import { axisTimeFormatter, formatLagAxis, formatLagCount } from "./lag-time-format";
import { LagTooltip } from "./lag-tooltip";
import { rebalanceLines } from "./rebalance-markers";

export type TLagMetric = "messages" | "time";

const METRIC = {
  messages: {
    dataKey: "totalLag",
    name: "Lag (messages)",
    colour: "var(--color-accent)",
    format: formatLagCount,
    axis: formatLagAxis,
  },
  time: {
    dataKey: "timeLagMs",
    name: "Time lag",
    colour: "var(--color-danger)",
    format: formatDuration,
    axis: formatTimeLagTick,
  },
} as const;

/** The group's total lag over the range — in messages or in time — with rebalances marked. */
export function TotalLagChart({ history, metric }: { history: TLagHistory; metric: TLagMetric }) {
  const rows = totalLagRows(history.points, gapThresholdMs(history.bucketMs));
  const { dataKey, name, colour, format, axis } = METRIC[metric];
  // Time ticks in whole units; recharts' own would split 3.7 min into "55 s, 1.8 min, 2.8 min".
  const ticks = metric === "time" ? timeLagTicks(Math.max(0, ...rows.map((row) => row.timeLagMs ?? 0))) : undefined;
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label={`${name} of the group over time, ${history.rebalances.length} rebalances marked`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...CHART_GRID_PROPS} />
          <XAxis {...timeAxisProps([history.from, history.to], axisTimeFormatter(history.range))} />
          <YAxis
            {...VALUE_AXIS_PROPS}
            width={60}
            allowDecimals={false}
            {...(ticks ? { ticks, domain: [0, ticks.at(-1) ?? 0] } : {})}
            tickFormatter={(value: number) => axis(value)}
          />
          <Tooltip
            content={(props) => (
              <LagTooltip {...props} markers={history.rebalances} bucketMs={history.bucketMs} formatValue={format} />
            )}
          />
          <Area
            dataKey={dataKey}
            name={name}
            type="linear"
            stroke={colour}
            fill={colour}
            fillOpacity={0.15}
            strokeWidth={1.5}
            dot={rows.length <= 2 ? { r: 3 } : false}
            isAnimationActive={false}
          />
          {rebalanceLines(history.rebalances, history.from, history.to)}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
