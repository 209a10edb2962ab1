import { ClusterNotFound } from "~/features/clusters/cluster-not-found";

/** The group list answers 404 only when the cluster is not registered. */
export default function GroupsNotFound() {
  return <ClusterNotFound />;
}
