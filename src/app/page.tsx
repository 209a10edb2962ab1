import { ClustersHome } from "~/features/clusters/clusters-home";

export const dynamic = "force-dynamic";

export default function HomePage() {
  return <ClustersHome />;
}
