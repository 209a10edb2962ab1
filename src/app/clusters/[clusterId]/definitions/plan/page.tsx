import type { Metadata } from "next";
import { Suspense } from "react";
import { PlanPage } from "~/features/definitions/plan/plan-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Plan changes" };

export default async function PlanRoute({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  // The plan's scope is read from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <PlanPage clusterId={clusterId} />
    </Suspense>
  );
}
