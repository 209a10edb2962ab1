import type { Metadata } from "next";
import { DefinitionPage } from "~/features/definitions/detail/definition-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ clusterId: string; topic: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  return { title: `${decodeURIComponent(topic)} · Catalogue` };
}

export default async function DefinitionRoute({ params }: { params: Params }) {
  const { clusterId, topic } = await params;
  return <DefinitionPage clusterId={clusterId} topicName={decodeURIComponent(topic)} />;
}
