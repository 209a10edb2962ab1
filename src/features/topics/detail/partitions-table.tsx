"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTopicPartition } from "~/domain/topics/topic-dto";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/lib/cn";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { RetentionBar, TimestampCell } from "./partition-time-cells";
import { ReplicaList } from "./replica-list";
import { retentionMs, retentionUsed } from "./retention-used";
import { useTopicRoute } from "./use-topic-route";

/** Timestamps move only as records arrive or segments are deleted; a slower refresh is plenty. */
const TIMESTAMPS_REFRESH_MS = 10_000;

/** Offsets line up on the right, as numbers do. */
const RIGHT_ALIGNED = new Set(["Low", "High"]);

const int64Format = new Intl.NumberFormat("en-US");

/** high − low; an estimate of the messages kept (compaction and transaction markers inflate it). */
function messageCount(partition: TTopicPartition): bigint | null {
  if (partition.lowWatermark === null || partition.highWatermark === null) return null;
  return BigInt(partition.highWatermark) - BigInt(partition.lowWatermark);
}

function formatOffset(value: string | bigint | null): string {
  return value === null ? "unknown" : int64Format.format(BigInt(value));
}

export function PartitionsTable({ partitions }: { partitions: TTopicPartition[] }) {
  const counts = partitions.map(messageCount);
  const max = counts.reduce<bigint>((top, count) => (count !== null && count > top ? count : top), 0n);
  const total = counts.reduce<bigint>((sum, count) => sum + (count ?? 0n), 0n);
  const { clusterId, name, topic } = useTopicRoute();
  const trpc = useTRPC();
  const timestamps = useQuery({
    ...trpc.topics.partitionTimestamps.queryOptions({ clusterId, name }),
    refetchInterval: TIMESTAMPS_REFRESH_MS,
  });
  const byPartition = new Map(timestamps.data?.map((stamp) => [stamp.partition, stamp]));
  const retention = topic ? retentionMs(topic.configs) : null;
  return (
    <Card>
      <CardHeader
        title="Partitions"
        description={`${pluralize(partitions.length, "partition")}, about ${int64Format.format(total)} messages kept (high − low watermark).`}
      />
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-muted text-left text-xs uppercase">
            <tr>
              {[
                "Partition",
                "Leader",
                "Replicas",
                "In sync (ISR)",
                "Low",
                "High",
                "Messages",
                "Oldest",
                "Newest",
                "Retention used",
              ].map((label) => (
                <th
                  key={label}
                  scope="col"
                  className={cn("px-4 py-2 font-medium whitespace-nowrap", RIGHT_ALIGNED.has(label) && "text-right")}
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {partitions.map((partition, index) => {
              const count = counts[index] ?? null;
              const stamp = byPartition.get(partition.partition);
              return (
                <tr key={partition.partition} className="border-line border-t" data-testid="partition-row">
                  <td className="px-4 py-2.5 font-mono tabular-nums">{partition.partition}</td>
                  <td className="px-4 py-2.5 font-mono tabular-nums">
                    {partition.leader === null ? (
                      <span className="text-danger" title="No leader: the partition cannot be read or written">
                        none
                      </span>
                    ) : (
                      partition.leader
                    )}
                  </td>
                  <td className="px-4 py-2.5">
                    <ReplicaList partition={partition} />
                  </td>
                  <td className="px-4 py-2.5 font-mono tabular-nums">{partition.isr.join(", ") || "none"}</td>
                  <td className="px-4 py-2.5 text-right font-mono tabular-nums">
                    {formatOffset(partition.lowWatermark)}
                  </td>
                  <td className="px-4 py-2.5 text-right font-mono tabular-nums" data-testid="partition-high-watermark">
                    {formatOffset(partition.highWatermark)}
                  </td>
                  <td className="px-4 py-2.5">
                    <MessageBar count={count} max={max} />
                  </td>
                  <td className="px-4 py-2.5 whitespace-nowrap tabular-nums" data-testid="partition-oldest">
                    <TimestampCell value={stamp?.oldestTimestamp} loading={timestamps.isPending} />
                  </td>
                  <td className="px-4 py-2.5 whitespace-nowrap tabular-nums" data-testid="partition-newest">
                    <TimestampCell value={stamp?.newestTimestamp} loading={timestamps.isPending} />
                  </td>
                  <td className="px-4 py-2.5" data-testid="partition-retention-used">
                    <RetentionBar
                      used={retentionUsed(stamp?.oldestTimestamp ?? null, stamp?.newestTimestamp ?? null, retention)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function MessageBar({ count, max }: { count: bigint | null; max: bigint }) {
  // Per-mille in bigint first: counts may exceed 2^53, their ratio does not need to.
  const percent = count === null || max === 0n ? 0 : Number((count * 1000n) / max) / 10;
  return (
    <div className="flex min-w-40 items-center gap-3">
      <span className="w-20 text-right font-mono tabular-nums">{formatOffset(count)}</span>
      <div aria-hidden className="bg-surface-raised h-2 flex-1 overflow-hidden rounded-full">
        <div
          className={cn("bg-accent h-full rounded-full", percent === 0 && "hidden")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
