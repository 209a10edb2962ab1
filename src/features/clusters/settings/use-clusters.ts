"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The registered clusters (clusters.list), as the settings pages read them. */
export function useClusters() {
  const trpc = useTRPC();
  return useQuery(trpc.clusters.list.queryOptions());
}
