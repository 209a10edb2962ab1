import type { TClusterOverview } from "~/domain/cluster";
import { Stat } from "~/components/ui/stat";
import { formatCount, pluralize } from "~/lib/format";

export function ClusterStats({ overview }: { overview: TClusterOverview }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-7">
      <Stat
        label="Cluster id"
        className="col-span-2 md:col-span-3 lg:col-span-2"
        value={
          <span className="font-mono text-lg" title={overview.clusterId ?? undefined}>
            {overview.clusterId ?? "—"}
          </span>
        }
      />
      <Stat
        label="Controller"
        value={overview.controllerId === null ? "none" : `broker ${overview.controllerId}`}
        tone={overview.controllerId === null ? "danger" : undefined}
      />
      <Stat label="Brokers" value={formatCount(overview.brokers.length)} />
      <Stat
        label="Topics"
        value={formatCount(overview.topicCount)}
        detail={`+ ${pluralize(overview.internalTopicCount, "internal topic")}`}
      />
      <Stat label="Partitions" value={formatCount(overview.partitionCount)} />
      <Stat
        label="Under-replicated"
        value={formatCount(overview.underReplicatedPartitionCount)}
        tone={overview.underReplicatedPartitionCount > 0 ? "warn" : undefined}
        detail={
          overview.offlinePartitionCount > 0 ? `${pluralize(overview.offlinePartitionCount, "partition")} offline` : "none offline"
        }
      />
    </dl>
  );
}
