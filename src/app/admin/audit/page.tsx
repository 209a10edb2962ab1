import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "~/features/audit/audit-log";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit log" };

/** Admins only: the admin.audit procedures refuse anyone else with a sentence the page shows. */
export default function AuditPage() {
  // The log reads its filters from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <Suspense>
      <AuditLog />
    </Suspense>
  );
}
