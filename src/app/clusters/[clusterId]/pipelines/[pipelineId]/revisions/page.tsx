import type { Metadata } from "next";
import { Suspense } from "react";
import { RevisionsPage } from "~/features/pipelines/revisions/revisions-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Revisions · Pipeline" };

type Params = Promise<{ clusterId: string; pipelineId: string }>;

export default async function RevisionsRoute({ params }: { params: Params }) {
  const { clusterId, pipelineId } = await params;
  // The pair of revisions shown is read from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <RevisionsPage clusterId={clusterId} pipelineId={decodeURIComponent(pipelineId)} />
    </Suspense>
  );
}
