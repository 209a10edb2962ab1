"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  CHART_GRID_PROPS,
  CHART_TOOLTIP_STYLE,
  seriesColour,
  timeAxisProps,
  VALUE_AXIS_PROPS,
} from "~/components/charts/chart-style";
import { partitionIdsOf, toChartRows, type TRatePoint } from "./chart-rows";
import { formatRate } from "./format-rate";

/** Stacking more partitions than this makes a legend nobody can read; then only the total is drawn. */
const MAX_STACKED_PARTITIONS = 12;

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const TOOLTIP_TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const AXIS_FORMAT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

type ProduceRateChartProps = { points: TRatePoint[]; sampleIntervalMs: number; from: number; to: number };

/** Produce rate over time: one stacked area per partition (their tops add up to the total line). */
export function ProduceRateChart({ points, sampleIntervalMs, from, to }: ProduceRateChartProps) {
  const ids = partitionIdsOf(points);
  const stacked = ids.length <= MAX_STACKED_PARTITIONS ? ids : [];
  const rows = toChartRows(points, stacked, sampleIntervalMs);
  return (
    <div
      className="h-72 w-full"
      role="img"
      aria-label="Produce rate in messages per second over time, per partition and total"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...CHART_GRID_PROPS} />
          <XAxis {...timeAxisProps([from, to], (at) => TIME_FORMAT.format(at))} />
          <YAxis
            {...VALUE_AXIS_PROPS}
            width={52}
            tickFormatter={(value: number) => AXIS_FORMAT.format(value)}
            label={{ value: "msg/s", angle: -90, position: "insideLeft", fill: "var(--color-muted)", fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(at) => TOOLTIP_TIME_FORMAT.format(Number(at))}
            formatter={(value) => (typeof value === "number" ? formatRate(value) : "—")}
            contentStyle={CHART_TOOLTIP_STYLE}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {stacked.map((id, index) => (
            <Area
              key={id}
              dataKey={`p${id}`}
              name={`Partition ${id}`}
              stackId="partitions"
              type="linear"
              stroke={seriesColour(index)}
              fill={seriesColour(index)}
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          ))}
          <Line
            dataKey="total"
            name="Total"
            type="linear"
            stroke="var(--color-ink)"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
