"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP_STYLE } from "~/components/charts/chart-style";
import type { TTopicPartition } from "~/domain/topics/topic-dto";

const COUNT_FORMAT = new Intl.NumberFormat("en-US");
const AXIS_FORMAT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Messages held per partition (high − low watermark) — how evenly the producers' keys spread. The
 * difference is taken in bigint (offsets are int64); a chart needs only a number.
 */
export function PartitionMessagesChart({ partitions }: { partitions: TTopicPartition[] }) {
  const data = partitions.map((partition) => ({
    name: `P${partition.partition}`,
    messages:
      partition.highWatermark === null || partition.lowWatermark === null
        ? null
        : Number(BigInt(partition.highWatermark) - BigInt(partition.lowWatermark)),
  }));
  return (
    <div className="h-56 w-full" role="img" aria-label="Messages per partition">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" vertical={false} />
          <XAxis dataKey="name" stroke="var(--color-muted)" tickLine={false} fontSize={12} />
          <YAxis
            stroke="var(--color-muted)"
            tickLine={false}
            fontSize={12}
            width={52}
            allowDecimals={false}
            tickFormatter={(value: number) => AXIS_FORMAT.format(value)}
          />
          <Tooltip
            cursor={{ fill: "var(--color-surface-raised)" }}
            formatter={(value) => (typeof value === "number" ? COUNT_FORMAT.format(value) : "unknown")}
            contentStyle={CHART_TOOLTIP_STYLE}
          />
          <Bar
            dataKey="messages"
            name="Messages"
            fill="var(--color-accent)"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
