"use client";

import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useTRPC } from "~/trpc/react";

/**
 * The cluster and topic of the topic page, from the route, with the topic's description. The
 * description comes from the query cache that TopicDetail keeps fresh, so this adds no request —
 * and tabs need no extra props threaded through.
 */
export function useTopicRoute() {
  const params = useParams<{ clusterId: string; topic: string }>();
  const clusterId = params.clusterId;
  const name = decodeURIComponent(params.topic);
  const trpc = useTRPC();
  const topic = useQuery(trpc.topics.describe.queryOptions({ clusterId, name })).data ?? null;
  return { clusterId, name, topic };
}
