import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import type { TTopicSummary } from "~/domain/topics/topic-dto";

export function topicHref(clusterId: string, name: string): string {
  return `/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(name)}`;
}

export function TopicNameLink({ clusterId, topic }: { clusterId: string; topic: TTopicSummary }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Link href={topicHref(clusterId, topic.name)} className="text-accent truncate font-mono hover:underline">
        {topic.name}
      </Link>
      {topic.isInternal ? <Badge>internal</Badge> : null}
    </span>
  );
}
