"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { ClusterForm } from "./cluster-form";

export function AddCluster() {
  return (
    <div className="max-w-4xl space-y-6">
      <BackLink />
      <h1 className="text-xl font-semibold">Add a cluster</h1>
      <ClusterForm cluster={null} />
    </div>
  );
}

export function BackLink() {
  return (
    <Link href="/admin/clusters" className="text-muted hover:text-ink inline-flex items-center gap-1 text-sm">
      <ArrowLeft aria-hidden className="size-4" />
      Cluster settings
    </Link>
  );
}
