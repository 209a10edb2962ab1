import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportPage } from "~/features/definitions/import/import-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Import topics" };

export default async function ImportRoute({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  // The topics to tick are read from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <ImportPage clusterId={clusterId} />
    </Suspense>
  );
}
