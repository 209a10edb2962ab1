import type { Metadata } from "next";
import { EditCluster } from "~/features/clusters/settings/edit-cluster";

export const metadata: Metadata = { title: "Cluster settings" };

export default async function EditClusterPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  return <EditCluster clusterId={decodeURIComponent(clusterId)} />;
}
