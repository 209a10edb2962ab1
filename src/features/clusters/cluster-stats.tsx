import Link from "next/link";
import type { TClusterOverview } from "~/domain/cluster";
import { Stat } from "~/components/ui/stat";
import { formatCount, pluralize } from "~/lib/format";

/** The topic list sorted so the topics with under-replicated partitions come first. */
function degradedTopicsHref(clusterId: string) {
  return `/clusters/${clusterId}/topics?internal=1&sort=underReplicated&dir=desc`;
}

export function ClusterStats({ clusterId, overview }: { clusterId: string; overview: TClusterOverview }) {
  const degraded = (
    <Link href={degradedTopicsHref(clusterId)} className="text-accent underline-offset-2 hover:underline">
      show the topics
    </Link>
  );
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
        detail={overview.underReplicatedPartitionCount > 0 ? degraded : "ISR below replicas"}
      />
      <Stat
        label="Offline"
        value={formatCount(overview.offlinePartitionCount)}
        tone={overview.offlinePartitionCount > 0 ? "danger" : undefined}
        detail={overview.offlinePartitionCount > 0 ? degraded : "no leader"}
      />
    </dl>
  );
}
