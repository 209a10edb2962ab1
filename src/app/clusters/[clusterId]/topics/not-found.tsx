"use client";

import { useParams } from "next/navigation";
import { Suspense } from "react";
import { TopicList } from "~/features/topics/list/topic-list";

/** The 404 for an unknown cluster's topics: the list, whose query says the cluster is not registered. */
export default function TopicsNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <Suspense>
      <TopicList clusterId={clusterId} />
    </Suspense>
  );
}
