import { ClusterNotFound } from "~/features/clusters/cluster-not-found";

/** The catalogue answers 404 only when the cluster is not registered. */
export default function CatalogueNotFound() {
  return <ClusterNotFound />;
}
