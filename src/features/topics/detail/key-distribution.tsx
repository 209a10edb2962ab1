"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { Stat } from "~/components/ui/stat";
import { toUserMessage } from "~/lib/error-message";
import { formatCount, pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { HotPartitionsNote } from "./hot-partitions-note";
import { KeyDistributionChart } from "./key-distribution-chart";
import { KeyPartitionTable } from "./key-partition-table";
import { topKeysByPartition } from "./top-keys";

/** The server's default; named here so the note can say how large the sample was asked to be. */
export const KEY_SAMPLE_LIMIT = 2_000;
const TOP_KEYS_SHOWN = 3;

/** How the keys of recent records spread over partitions, from a bounded sample read on demand. */
export function KeyDistributionView({ clusterId, name }: { clusterId: string; name: string }) {
  const trpc = useTRPC();
  // No polling: each sample reads up to 2,000 records from Kafka, so a new one is asked for explicitly.
  const query = useQuery({
    ...trpc.topics.keySample.queryOptions({ clusterId, name, limit: KEY_SAMPLE_LIMIT }),
    staleTime: Infinity,
  });
  const error = query.error ? toUserMessage(query.error) : null;
  const sample = query.data;
  const again = (
    <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
      <RefreshCw aria-hidden className="size-4" />
      {query.isFetching ? "Sampling…" : "Sample again"}
    </Button>
  );

  return (
    <Card aria-label="Key distribution">
      <CardHeader
        title="Key distribution"
        description={`A bounded sample: at most the ${formatCount(KEY_SAMPLE_LIMIT)} most recent records, each partition's share following the records it keeps. Older records are not counted.`}
        actions={again}
      />
      <div className="space-y-5 px-5 py-4">
        {error ? (
          <Banner tone="danger" title={error.message}>
            {error.hint}
          </Banner>
        ) : !sample ? (
          <Skeleton className="h-64 w-full" />
        ) : sample.distribution.sampledMessages === 0 ? (
          <p className="text-muted text-sm">The topic holds no records yet.</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label="Sampled messages" value={formatCount(sample.distribution.sampledMessages)} />
              <Stat
                label="Distinct keys"
                value={<span data-testid="key-sample-distinct">{formatCount(sample.distribution.distinctKeys)}</span>}
              />
              <Stat
                label="Keys on several partitions"
                value={formatCount(sample.distribution.keysOnSeveralPartitions)}
                tone={sample.distribution.keysOnSeveralPartitions > 0 ? "warn" : undefined}
                detail="from added partitions or another partitioner"
              />
              <Stat
                label="Hot partitions"
                value={formatCount(sample.distribution.hotPartitions.length)}
                tone={sample.distribution.hotPartitions.length > 0 ? "warn" : undefined}
              />
            </dl>
            <HotPartitionsNote distribution={sample.distribution} />
            <KeyDistributionChart partitions={sample.distribution.partitions} />
            <KeyPartitionTable
              partitions={sample.distribution.partitions}
              topKeys={topKeysByPartition(sample.records, TOP_KEYS_SHOWN)}
            />
            <p className="text-muted text-xs">
              {pluralize(sample.distribution.sampledMessages, "record")} sampled from the tail of{" "}
              {pluralize(sample.distribution.partitions.length, "partition")}; counts describe this sample, not the
              whole topic.
            </p>
          </>
        )}
      </div>
    </Card>
  );
}
