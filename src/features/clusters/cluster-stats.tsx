import type { TClusterOverview } from "~/domain/cluster";
import { Stat } from "~/components/ui/stat";
import { formatCount, pluralize } from "~/lib/format";

export function ClusterStats({ overview }: { overview: TClusterOverview }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
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
        detail="ISR below replicas"
      />
      <Stat
        label="Offline"
        value={formatCount(overview.offlinePartitionCount)}
        tone={overview.offlinePartitionCount > 0 ? "danger" : undefined}
        detail="no leader"
      />
    </dl>
  );
}
