"use client";

import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { pipelinesHref } from "~/features/pipelines/pipeline-links";

/** A pipeline id that does not exist here (removed, or a link from another cluster). not-found gets no props, hence useParams. */
export default function PipelineNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <Card>
      <EmptyState icon={<FileQuestion aria-hidden className="size-8" />} title="This pipeline does not exist">
        <p>It may have been removed, or the link points at another cluster.</p>
        <Button asChild className="mt-4">
          <Link href={pipelinesHref(decodeURIComponent(clusterId))}>Back to the pipelines</Link>
        </Button>
      </EmptyState>
    </Card>
  );
}
