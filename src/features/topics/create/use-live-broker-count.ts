"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";

/** Brokers answering now, from the shared `cluster.health` stream; null until it first reports. */
export function useLiveBrokerCount(clusterId: string): number | null {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.clusters.health.subscriptionOptions({ clusterId }));
  const health = subscription.data;
  return health?.status === "ok" ? health.overview.brokers.length : null;
}
