"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { formatRate } from "./format-rate";
import { PartitionMessagesChart } from "./partition-messages-chart";
import { ProduceRateChart } from "./produce-rate-chart";

/** The server samples every 5 s; asking more often would only return the same points. */
const REFRESH_MS = 5_000;
const WINDOWS = [15, 60] as const;

/** The Throughput tab: produce rate over time, and how the topic's messages spread over partitions. */
export function ThroughputPanel({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const trpc = useTRPC();
  const [windowMinutes, setWindowMinutes] = useState<(typeof WINDOWS)[number]>(15);
  const stats = useQuery({
    ...trpc.topics.throughput.queryOptions({ clusterId, name: topic.name, windowMinutes }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const points = stats.data?.points ?? [];
  const latest = points.at(-1);
  // The chart is drawn only once data has arrived, so this is the time of the latest answer.
  const to = stats.dataUpdatedAt;

  return (
    <div className="space-y-5">
      <Card>
        <CardHeader
          title="Produce rate"
          description={
            latest ? (
              <span data-testid="produce-rate-now" className="text-ink font-medium tabular-nums">
                {formatRate(latest.total)} now
              </span>
            ) : (
              "Messages per second, sampled every 5 s"
            )
          }
          actions={
            <Select
              aria-label="Time window"
              value={windowMinutes}
              onChange={(event) => setWindowMinutes(Number(event.target.value) === 60 ? 60 : 15)}
              className="w-auto"
            >
              {WINDOWS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  Last {minutes} minutes
                </option>
              ))}
            </Select>
          }
        />
        <div className="p-5">
          {stats.isError ? (
            <Banner tone="danger" title={toUserMessage(stats.error).message}>
              {toUserMessage(stats.error).hint}
            </Banner>
          ) : stats.isPending ? (
            <div aria-busy="true" aria-label="Loading produce rate" className="space-y-3">
              <Skeleton className="h-64 w-full" />
            </div>
          ) : points.some((point) => point.total > 0) ? (
            <ProduceRateChart
              points={points}
              sampleIntervalMs={stats.data?.sampleIntervalMs ?? REFRESH_MS}
              from={to - windowMinutes * 60_000}
              to={to}
            />
          ) : (
            <EmptyState title="No messages produced in this window">
              Tributary reads every topic&apos;s offsets every 5 s while the server runs; rates appear from the second
              sample after the first visit.
            </EmptyState>
          )}
        </div>
      </Card>
      <Card>
        <CardHeader title="Messages per partition" description="High − low watermark: what each partition holds now" />
        <div className="p-5">
          <PartitionMessagesChart partitions={topic.partitions} />
        </div>
      </Card>
    </div>
  );
}
