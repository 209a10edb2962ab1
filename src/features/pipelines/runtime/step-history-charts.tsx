"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  CHART_GRID_PROPS,
  CHART_TOOLTIP_STYLE,
  timeAxisProps,
  VALUE_AXIS_PROPS,
} from "~/components/charts/chart-style";
import { SegmentedButtons } from "~/components/ui/segmented-buttons";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";
import { formatCount } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import {
  HISTORY_MINUTES,
  HISTORY_MINUTES_LABELS,
  historyRows,
  parseHistoryMinutes,
  type THistoryRow,
} from "./history-rows";
import { ErrorLine } from "./error-line";
import { formatCompactCount, formatRate } from "./live-format";
import { LiveSection } from "./live-section";
import { useHistoryMinutes } from "./use-history-minutes";

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const TOOLTIP_TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
/** The step-samples job stores a row every 10 s: refetching faster shows nothing new. */
const REFETCH_MS = 10_000;

const MINUTES_OPTIONS = HISTORY_MINUTES.map((value) => ({
  value: String(value),
  label: HISTORY_MINUTES_LABELS[value],
}));

const RATE_SERIES = [
  { dataKey: "inRate", name: "In", colour: "var(--color-accent)" },
  { dataKey: "outRate", name: "Out", colour: "var(--color-ok)" },
  { dataKey: "deadLetterRate", name: "Dead letters", colour: "var(--color-danger)" },
] as const;

/** Throughput and lag of one step over the chosen minutes (stored samples; the range is in the URL). */
export function StepHistoryCharts({
  clusterId,
  pipelineId,
  nodeId,
}: {
  clusterId: string;
  pipelineId: string;
  nodeId: string;
}) {
  const trpc = useTRPC();
  const [minutes, setMinutes] = useHistoryMinutes();
  const history = useQuery({
    ...trpc.runtime.history.queryOptions({ clusterId, pipelineId, nodeId, minutes }),
    placeholderData: keepPreviousData,
    refetchInterval: REFETCH_MS,
  });
  // The range ends when the samples were read (the render may come later).
  const to = history.dataUpdatedAt;
  const domain: [number, number] = [to - minutes * 60_000, to];
  const rows = history.data ? historyRows(history.data) : [];
  return (
    <LiveSection
      title="Over time"
      actions={
        <SegmentedButtons
          label="Time range of the charts"
          options={MINUTES_OPTIONS}
          value={String(minutes)}
          onChange={(value) => setMinutes(parseHistoryMinutes(value))}
        />
      }
    >
      {history.error ? (
        <ErrorLine error={history.error} />
      ) : !history.data ? (
        <Skeleton className="h-64 w-full" />
      ) : rows.length === 0 ? (
        <p className="text-muted text-xs">
          No samples in the last {HISTORY_MINUTES_LABELS[minutes]} yet: the server stores one every 10 seconds while the
          pipeline is deployed.
        </p>
      ) : (
        <>
          <RateChart rows={rows} domain={domain} />
          <LagChart rows={rows} domain={domain} />
        </>
      )}
    </LiveSection>
  );
}

/** One chart of the step's history over time; the series come as children. */
function StepChart({
  label,
  className,
  rows,
  domain,
  formatValue,
  hasLegend = false,
  children,
}: {
  label: string;
  className: string;
  rows: THistoryRow[];
  domain: [number, number];
  formatValue: (value: number) => string;
  hasLegend?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={cn("w-full", className)} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...CHART_GRID_PROPS} />
          <XAxis {...timeAxisProps(domain, (at) => TIME_FORMAT.format(at))} />
          <YAxis
            {...VALUE_AXIS_PROPS}
            width={44}
            allowDecimals={false}
            tickFormatter={(value: number) => formatCompactCount(value)}
          />
          <Tooltip
            labelFormatter={(at) => TOOLTIP_TIME_FORMAT.format(Number(at))}
            formatter={(value) => (typeof value === "number" ? formatValue(value) : "—")}
            contentStyle={CHART_TOOLTIP_STYLE}
          />
          {hasLegend ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {children}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function RateChart({ rows, domain }: { rows: THistoryRow[]; domain: [number, number] }) {
  return (
    <StepChart
      label="Records per second in, out and to dead letters over time"
      className="h-40"
      rows={rows}
      domain={domain}
      formatValue={formatRate}
      hasLegend
    >
      {RATE_SERIES.map((series) => (
        <Line
          key={series.dataKey}
          dataKey={series.dataKey}
          name={series.name}
          type="linear"
          stroke={series.colour}
          strokeWidth={1.5}
          dot={rows.length <= 2 ? { r: 2 } : false}
          isAnimationActive={false}
        />
      ))}
    </StepChart>
  );
}

function LagChart({ rows, domain }: { rows: THistoryRow[]; domain: [number, number] }) {
  return (
    <StepChart
      label="Lag of the step's consumer group in messages over time"
      className="h-28"
      rows={rows}
      domain={domain}
      formatValue={(value) => `${formatCount(value)} messages`}
    >
      <Area
        dataKey="lag"
        name="Lag"
        type="linear"
        stroke="var(--color-warn)"
        fill="var(--color-warn)"
        fillOpacity={0.15}
        strokeWidth={1.5}
        isAnimationActive={false}
      />
    </StepChart>
  );
}
