"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Select } from "~/components/ui/input";
import type { TLagHistory } from "~/domain/groups/lag-history-dto";
import { CHART_GRID_PROPS, seriesColour, timeAxisProps, VALUE_AXIS_PROPS } from "~/components/charts/chart-style";
import { gapThresholdMs, partitionLagRows } from "./lag-chart-rows";
import { axisTimeFormatter, formatLagAxis, formatLagCount } from "./lag-time-format";
import { LagTooltip } from "./lag-tooltip";
import { rebalanceLines } from "./rebalance-markers";

/**
 * Lag per partition of one topic (a selector when the group reads several), with rebalances marked.
 * The server sends one topic's series, at most 12: those with the largest lag when there are more.
 */
export function PartitionLagChart({
  history,
  onTopicChange,
}: {
  history: TLagHistory;
  onTopicChange: (topic: string) => void;
}) {
  const { topics, topic, partitions, partitionCount } = history;
  const rows = partitionLagRows(partitions, gapThresholdMs(history.bucketMs));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 className="text-sm font-semibold">Lag per partition</h3>
        {topics.length > 1 ? (
          <Select
            aria-label="Topic"
            value={topic ?? ""}
            onChange={(event) => onTopicChange(event.target.value)}
            className="w-auto max-w-xs"
          >
            {topics.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        ) : (
          <span className="text-muted text-sm">{topic}</span>
        )}
      </div>
      {partitionCount > partitions.length ? (
        <p className="text-muted text-sm">
          Showing the {partitions.length} partitions with the largest lag of {partitionCount}.
        </p>
      ) : null}
      <div className="h-64 w-full" role="img" aria-label={`Lag per partition of ${topic ?? "no topic"} over time`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid {...CHART_GRID_PROPS} />
            <XAxis {...timeAxisProps([history.from, history.to], axisTimeFormatter(history.range))} />
            <YAxis
              {...VALUE_AXIS_PROPS}
              width={60}
              allowDecimals={false}
              tickFormatter={(value: number) => formatLagAxis(value)}
            />
            <Tooltip
              content={(props) => (
                <LagTooltip
                  {...props}
                  markers={history.rebalances}
                  bucketMs={history.bucketMs}
                  formatValue={formatLagCount}
                />
              )}
            />
            {/* By partition number: the default sorts by label text, putting "Partition 10" before "Partition 2". */}
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => Number(String(item.dataKey).slice(1))} />
            {partitions.map((series, index) => (
              <Line
                key={series.partition}
                dataKey={`p${series.partition}`}
                name={`Partition ${series.partition}`}
                type="linear"
                stroke={seriesColour(index)}
                strokeWidth={1.5}
                dot={rows.length <= 2 ? { r: 3 } : false}
                isAnimationActive={false}
              />
            ))}
            {rebalanceLines(history.rebalances, history.from, history.to)}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
