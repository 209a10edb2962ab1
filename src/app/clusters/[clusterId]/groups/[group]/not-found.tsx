"use client";

import { useParams } from "next/navigation";
import { GroupDetail } from "~/features/groups/detail/group-detail";

/**
 * The 404 for a group no broker knows: the live group page, which says so and switches to the
 * group as soon as it appears (a consumer joining). not-found files get no props, hence useParams.
 */
export default function GroupNotFound() {
  const { clusterId, group } = useParams<{ clusterId: string; group: string }>();
  return <GroupDetail clusterId={clusterId} groupId={decodeURIComponent(group)} />;
}
