"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_TOOLTIP_STYLE } from "~/components/charts/chart-style";
import type { PartitionKeyStats } from "~/domain/partitioner/key-distribution";

/** Messages and distinct keys per partition; hot partitions' message bars in the warn colour. */
export function KeyDistributionChart({ partitions }: { partitions: PartitionKeyStats[] }) {
  const data = partitions.map((stats) => ({
    name: `P${stats.partition}`,
    messages: stats.messages,
    distinctKeys: stats.distinctKeys,
    isHot: stats.isHot,
  }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Messages and distinct keys per partition in the sample">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-line)" vertical={false} />
          <XAxis dataKey="name" stroke="var(--color-muted)" tickLine={false} fontSize={12} />
          <YAxis stroke="var(--color-muted)" tickLine={false} fontSize={12} allowDecimals={false} width={48} />
          <Tooltip cursor={{ fill: "var(--color-surface-raised)" }} contentStyle={CHART_TOOLTIP_STYLE} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="messages"
            name="Messages"
            fill="var(--color-accent)"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          >
            {data.map((entry) => (
              <Cell key={entry.name} fill={entry.isHot ? "var(--color-warn)" : "var(--color-accent)"} />
            ))}
          </Bar>
          <Bar
            dataKey="distinctKeys"
            name="Distinct keys"
            fill="var(--color-muted)"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
