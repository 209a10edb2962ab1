import type { Metadata } from "next";
import { TopicDetail } from "~/features/topics/detail/topic-detail";

export const dynamic = "force-dynamic";

type Params = Promise<{ clusterId: string; topic: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  return { title: decodeURIComponent(topic) };
}

export default async function TopicPage({ params }: { params: Params }) {
  const { clusterId, topic } = await params;
  return <TopicDetail clusterId={clusterId} name={decodeURIComponent(topic)} />;
}
