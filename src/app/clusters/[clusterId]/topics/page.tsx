import type { Metadata } from "next";
import { Suspense } from "react";
import { TopicList } from "~/features/topics/list/topic-list";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  // The list reads its view from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <TopicList clusterId={clusterId} />
    </Suspense>
  );
}
