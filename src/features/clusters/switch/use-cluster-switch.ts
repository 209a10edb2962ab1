"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TCluster } from "~/domain/cluster";
import { useTRPC } from "~/trpc/react";
import { listPageOn, missingSentence, samePageOn, type TClusterPage } from "./cluster-paths";
import { useSwitchNotice } from "./switch-notice";

function isNotFound(error: unknown): boolean {
  return (error as { data?: { code?: unknown } | null } | null)?.data?.code === "NOT_FOUND";
}

/**
 * Switching keeps the page: a topic or group page opens the same topic or group on the other
 * cluster when it exists there, else that cluster's list with a sentence saying so.
 */
export function useClusterSwitch(page: TClusterPage) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { setNotice } = useSwitchNotice();
  const [isChecking, setChecking] = useState(false);

  async function exists(clusterId: string): Promise<boolean> {
    try {
      // No retry: "not found" is the answer, not a failure to try again.
      if (page.kind === "topic")
        await queryClient.fetchQuery({
          ...trpc.topics.describe.queryOptions({ clusterId, name: page.topic }),
          retry: false,
        });
      if (page.kind === "group")
        await queryClient.fetchQuery({
          ...trpc.groups.describe.queryOptions({ clusterId, groupId: page.groupId }),
          retry: false,
        });
      return true;
    } catch (error) {
      // Any other failure (the cluster unreachable…) is for the page itself to say.
      return !isNotFound(error);
    }
  }

  async function switchTo(cluster: TCluster) {
    setNotice(null);
    setChecking(true);
    try {
      const search = page.kind === "none" ? "" : window.location.search;
      if (await exists(cluster.id)) {
        router.push(`${samePageOn(page, cluster.id)}${search}`);
        return;
      }
      const list = listPageOn(page, cluster.id);
      setNotice({ pathname: list, text: missingSentence(page, cluster.name) });
      router.push(list);
    } finally {
      setChecking(false);
    }
  }

  return { switchTo, isChecking };
}
