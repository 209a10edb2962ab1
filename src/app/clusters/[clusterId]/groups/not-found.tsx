"use client";

import { useParams } from "next/navigation";
import { Suspense } from "react";
import { GroupList } from "~/features/groups/list/group-list";

/** The 404 for an unknown cluster's groups: the list, whose query says the cluster is not registered. */
export default function GroupsNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <Suspense>
      <GroupList clusterId={clusterId} />
    </Suspense>
  );
}
