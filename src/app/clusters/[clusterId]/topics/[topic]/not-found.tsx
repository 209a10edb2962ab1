"use client";

import { useParams } from "next/navigation";
import { TopicDetail } from "~/features/topics/detail/topic-detail";

/**
 * The 404 for a topic (or cluster) that does not exist: the topic page itself, whose query says
 * which one is missing and links back to the list. not-found files get no props, hence useParams.
 */
export default function TopicNotFound() {
  const { clusterId, topic } = useParams<{ clusterId: string; topic: string }>();
  return <TopicDetail clusterId={clusterId} name={decodeURIComponent(topic)} />;
}
