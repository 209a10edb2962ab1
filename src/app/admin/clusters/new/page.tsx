import type { Metadata } from "next";
import { AddCluster } from "~/features/clusters/settings/add-cluster";

export const metadata: Metadata = { title: "Add a cluster" };

export default function AddClusterPage() {
  return <AddCluster />;
}
