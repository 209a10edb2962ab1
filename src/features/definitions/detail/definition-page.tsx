"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, ExternalLink, Pencil } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { importHref, topicHref } from "~/components/definitions/definition-links";
import { Badge } from "~/components/ui/badge";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { LAYER_LABELS } from "~/domain/definitions/definition";
import { useTRPC } from "~/trpc/react";
import { ConformancePanel } from "./conformance-panel";
import { DefinitionBreadcrumb } from "./definition-breadcrumb";
import { DefinitionForm } from "./definition-form";
import { DefinitionSummary } from "./definition-summary";
import { DriftPanel } from "./drift-panel";
import { RemoveDefinitionButton } from "./remove-definition-button";
import { SchemaPanel } from "./schema-panel";

/** The drift is read from Kafka with each refresh, so a change made elsewhere shows within this interval. */
const REFRESH_MS = 5_000;

/** One topic's definition: what it is for, what Kafka should hold, its schema, drift and conformance. */
export function DefinitionPage({ clusterId, topicName }: { clusterId: string; topicName: string }) {
  const trpc = useTRPC();
  const { can } = useMe();
  const permission = can("operator");
  const [isEditing, setIsEditing] = useState(false);
  const query = useQuery({
    ...trpc.definitions.get.queryOptions({ clusterId, topicName }),
    // While the form is open its fields are the user's; the saved definition is read again on save.
    refetchInterval: isEditing ? false : REFRESH_MS,
  });
  const detail = query.data;

  const header = (
    <header className="space-y-2">
      <DefinitionBreadcrumb clusterId={clusterId} current={topicName} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold break-all">{topicName}</h1>
        {detail ? <Badge tone="accent">{LAYER_LABELS[detail.layer]}</Badge> : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Button asChild variant="ghost">
            <Link href={topicHref(clusterId, topicName)}>
              <ExternalLink aria-hidden className="size-4" />
              Open the topic
            </Link>
          </Button>
          {detail ? <RemoveDefinitionButton clusterId={clusterId} topicName={topicName} /> : null}
        </div>
      </div>
    </header>
  );

  if (query.isPending) {
    return (
      <div className="space-y-5" aria-busy="true" aria-label="Loading the definition">
        {header}
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (!detail) {
    return (
      <div className="space-y-5">
        {header}
        <ErrorBanner
          error={query.error}
          actions={
            <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
              Retry
            </Button>
          }
        />
        {query.isError ? null : (
          <Card>
            <EmptyState icon={<BookOpen aria-hidden className="size-8" />} title={`${topicName} is not defined`}>
              <p>Import it to start from what Kafka holds and a schema inferred from its messages.</p>
              <Button asChild variant="primary" className="mt-4">
                <Link href={importHref(clusterId, [topicName])}>Define this topic</Link>
              </Button>
            </EmptyState>
          </Card>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-5">
      {header}
      {query.error ? <ErrorBanner error={query.error} /> : null}
      <Card aria-labelledby="definition-heading">
        <CardHeader
          title={<span id="definition-heading">Definition</span>}
          description={`Saved ${new Date(detail.updatedAt).toLocaleString()} by ${detail.updatedBy}.`}
          actions={
            isEditing ? null : (
              <div className="flex flex-col items-end gap-1">
                <Button onClick={() => setIsEditing(true)} disabled={!permission.allowed}>
                  <Pencil aria-hidden className="size-4" />
                  Edit
                </Button>
                <RoleNote permission={permission} />
              </div>
            )
          }
        />
        {isEditing ? (
          <div className="px-5 py-4">
            <DefinitionForm clusterId={clusterId} definition={detail} onDone={() => setIsEditing(false)} />
          </div>
        ) : (
          <DefinitionSummary definition={detail} />
        )}
      </Card>
      <DriftPanel clusterId={clusterId} detail={detail} />
      <SchemaPanel key={detail.schemaVersions.length} clusterId={clusterId} detail={detail} />
      <ConformancePanel clusterId={clusterId} detail={detail} />
    </div>
  );
}
