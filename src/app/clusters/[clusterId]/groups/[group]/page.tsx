import type { Metadata } from "next";
import { GroupDetail } from "~/features/groups/detail/group-detail";

export const dynamic = "force-dynamic";

type Params = Promise<{ clusterId: string; group: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { group } = await params;
  return { title: `Group ${decodeURIComponent(group)}` };
}

export default async function GroupPage({ params }: { params: Params }) {
  const { clusterId, group } = await params;
  return <GroupDetail clusterId={clusterId} groupId={decodeURIComponent(group)} />;
}
