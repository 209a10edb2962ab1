"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import type { TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { useTRPC } from "~/trpc/react";

/** The group's live rebalance watch: its state, generation and newest rebalance, from one snapshot. */
export type TRebalanceWatch = { event: TRebalanceWatchEvent | undefined; error: unknown };

/** Opens the watch (the server watches the group while any page has it open). */
export function useRebalanceWatch(clusterId: string, groupId: string): TRebalanceWatch {
  const trpc = useTRPC();
  const live = useSubscription(trpc.groups.history.watch.subscriptionOptions({ clusterId, groupId }));
  return { event: live.data, error: live.error };
}
