import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { Badge } from "~/components/ui/badge";
import { Breadcrumb } from "~/components/ui/breadcrumb";
import { pluralize } from "~/lib/format";
import { AddPartitionsDialog } from "./add-partitions-dialog";
import { topicListHref } from "./topic-links";

type TopicHeaderProps = { clusterId: string; name: string; topic: TTopicDescription | null };

/** Breadcrumb, name and the badges that say at a glance how the topic is doing. */
export function TopicHeader({ clusterId, name, topic }: TopicHeaderProps) {
  return (
    <header className="space-y-2">
      <Breadcrumb parent={{ href: topicListHref(clusterId), label: "Topics" }} current={name} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold break-all">{name}</h1>
        {topic ? <TopicBadges topic={topic} /> : null}
        {/* Kafka maps group ids and transactional ids onto its internal topics by partition count. */}
        {topic && !topic.isInternal ? (
          <div className="ml-auto">
            <AddPartitionsDialog clusterId={clusterId} topic={topic} />
          </div>
        ) : null}
      </div>
    </header>
  );
}

function TopicBadges({ topic }: { topic: TTopicDescription }) {
  const underReplicated = topic.partitions.filter((p) => p.isr.length < p.replicas.length).length;
  const offline = topic.partitions.filter((p) => p.leader === null).length;
  const replicationFactor = Math.max(0, ...topic.partitions.map((p) => p.replicas.length));
  return (
    <div className="flex flex-wrap items-center gap-2">
      {topic.isInternal ? <Badge tone="accent">internal</Badge> : null}
      <Badge>{pluralize(topic.partitions.length, "partition")}</Badge>
      <Badge>replication factor {replicationFactor}</Badge>
      {underReplicated > 0 ? (
        <Badge tone="warn">{pluralize(underReplicated, "under-replicated partition")}</Badge>
      ) : null}
      {offline > 0 ? <Badge tone="danger">{pluralize(offline, "offline partition")}</Badge> : null}
    </div>
  );
}
