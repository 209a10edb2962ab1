"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LineChart as LineChartIcon } from "lucide-react";
import { useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { formatDuration } from "~/domain/groups/group-lag";
import type { TLagHistory } from "~/domain/groups/lag-history-dto";
import { LAG_RANGE_LABELS, LAG_RANGES } from "~/domain/groups/lag-range";
import { toUserMessage } from "~/lib/error-message";
import { formatDuration as formatInterval } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { formatFullTime, formatLagCount } from "./lag-time-format";
import { PartitionLagChart } from "./partition-lag-chart";
import { RebalanceMarkerList } from "./rebalance-marker-list";
import { SegmentedButtons } from "~/components/ui/segmented-buttons";
import { TotalLagChart, type TLagMetric } from "./total-lag-chart";
import { useLagRange } from "./use-lag-range";

const RANGE_OPTIONS = LAG_RANGES.map((range) => ({ value: range, label: LAG_RANGE_LABELS[range] }));
const METRIC_OPTIONS = [
  { value: "messages", label: "Messages" },
  { value: "time", label: "Time lag" },
] as const;

/** Until the first answer says how often the server samples. */
const DEFAULT_REFRESH_MS = 5_000;

/**
 * A new sample arrives every sample interval, so short ranges refetch that often (at least every
 * 5 s). A long range's point is the peak of a wide bucket (33 min on 7 days) and its query reads
 * every sample of the range (about 1 s for 7 days × 12 partitions): it refetches at a quarter of a
 * bucket, at most once a minute.
 */
function refreshMs(history: TLagHistory | undefined): number {
  if (!history) return DEFAULT_REFRESH_MS;
  const sampleMs = Math.min(Math.max(history.sampleIntervalMs, 1_000), DEFAULT_REFRESH_MS);
  return Math.min(60_000, Math.max(sampleMs, history.bucketMs / 4));
}

function Summary({ history }: { history: TLagHistory | undefined }) {
  const latest = history?.latest;
  if (!history || !latest) return "Sampled on the server for every consumer group";
  return (
    <span>
      <span data-testid="lag-now" className="text-ink font-medium tabular-nums">
        {formatLagCount(Number(latest.totalLag))} messages behind
      </span>
      {latest.timeLagMs !== null ? ` · ${formatDuration(latest.timeLagMs)} behind` : null} · sampled every{" "}
      {formatInterval(history.sampleIntervalMs)}
    </span>
  );
}

/** "Lag over time": the group's stored lag history, with rebalances marked; refreshes as samples arrive. */
export function LagHistoryCard({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const trpc = useTRPC();
  const [range, setRange] = useLagRange();
  const [metric, setMetric] = useState<TLagMetric>("messages");
  const [topic, setTopic] = useState<string | undefined>(undefined);
  const lag = useQuery({
    ...trpc.groups.history.lag.queryOptions({ clusterId, groupId, range, topic }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refreshMs(query.state.data),
  });
  const history = lag.data;
  const intervalText = formatInterval(history?.sampleIntervalMs ?? 15_000);

  return (
    <Card aria-labelledby="lag-history-heading">
      <CardHeader
        title={<span id="lag-history-heading">Lag over time</span>}
        description={<Summary history={history} />}
        actions={<SegmentedButtons label="Time range" options={RANGE_OPTIONS} value={range} onChange={setRange} />}
      />
      <div className="space-y-6 p-5">
        {lag.isError ? (
          <Banner
            tone="danger"
            title={toUserMessage(lag.error).message}
            actions={<Button onClick={() => void lag.refetch()}>Retry</Button>}
          >
            {toUserMessage(lag.error).hint}
          </Banner>
        ) : null}
        {lag.isPending ? (
          <LagHistorySkeleton />
        ) : history && history.points.length > 0 ? (
          <>
            <div className="space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h3 className="text-sm font-semibold">Total lag</h3>
                <SegmentedButtons label="Measure lag in" options={METRIC_OPTIONS} value={metric} onChange={setMetric} />
              </div>
              <TotalLagChart history={history} metric={metric} />
            </div>
            <PartitionLagChart history={history} onTopicChange={setTopic} />
            <RebalanceMarkerList markers={history.rebalances} />
          </>
        ) : history?.latest ? (
          <EmptyState
            icon={<LineChartIcon aria-hidden className="size-6" />}
            title={`No lag samples in the last ${LAG_RANGE_LABELS[range]}.`}
          >
            The newest is from {formatFullTime(history.latest.at)}. Tributary samples a group while it has committed
            offsets; pick a longer range to see its history.
          </EmptyState>
        ) : history ? (
          <EmptyState
            icon={<LineChartIcon aria-hidden className="size-6" />}
            title={`No lag samples yet — Tributary samples every ${intervalText}; the first point appears shortly.`}
          >
            A group is sampled once it has committed an offset.
          </EmptyState>
        ) : null}
      </div>
    </Card>
  );
}

export function LagHistorySkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading lag history" className="space-y-3">
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-5 w-1/3" />
    </div>
  );
}
