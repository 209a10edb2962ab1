import type { Metadata } from "next";
import { GroupDetail } from "~/features/groups/detail/group-detail";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Params = Promise<{ clusterId: string; group: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { group } = await params;
  return { title: `Group ${decodeURIComponent(group)}` };
}

export default async function GroupPage({ params }: { params: Params }) {
  const { clusterId, group } = await params;
  const groupId = decodeURIComponent(group);
  // A missing group or cluster answers 404; not-found.tsx still watches and shows the group once it appears.
  await fetchOrNotFound(() =>
    getServerQueryClient().fetchQuery(serverTrpc.groups.describe.queryOptions({ clusterId, groupId })),
  );
  return <GroupDetail clusterId={clusterId} groupId={groupId} />;
}
