import { ClusterNotFound } from "~/features/clusters/cluster-not-found";

/** The topic list answers 404 only when the cluster is not registered. */
export default function TopicsNotFound() {
  return <ClusterNotFound />;
}
