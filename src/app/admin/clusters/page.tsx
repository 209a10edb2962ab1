import type { Metadata } from "next";
import { ClustersAdmin } from "~/features/clusters/settings/clusters-admin";

export const metadata: Metadata = { title: "Cluster settings" };

/** Admins only (layout.tsx): every cluster with its connection, and where to add one. */
export default function ClusterSettingsPage() {
  return <ClustersAdmin />;
}
