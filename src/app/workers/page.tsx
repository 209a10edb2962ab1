import type { Metadata } from "next";
import { WorkersOverview } from "~/features/workers/workers-overview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Background work" };

/** Viewers and up: workers.list is `procedure("viewer")`. */
export default function WorkersPage() {
  return <WorkersOverview />;
}
