import { ClusterNotFound } from "~/features/clusters/cluster-not-found";

/** The pipeline list answers 404 only when the cluster is not registered. */
export default function PipelinesNotFound() {
  return <ClusterNotFound />;
}
