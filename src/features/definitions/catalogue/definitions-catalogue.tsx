"use client";

import { useQuery } from "@tanstack/react-query";
import { BookOpen, ClipboardList, Import } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { importHref, planHref } from "~/components/definitions/definition-links";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { CatalogueToolbar } from "./catalogue-toolbar";
import { EMPTY_CATALOGUE_VIEW, groupByLayer } from "./catalogue-url";
import { LayerTable } from "./layer-table";
import { useCatalogueView } from "./use-catalogue-view";
import { YamlExportButton } from "./yaml-export-button";
import { savedSentence, YamlImportDialog } from "./yaml-import-dialog";

/** Drift is read from Kafka on each refresh; a change made elsewhere shows within this interval. */
const REFRESH_MS = 10_000;

/** One cluster's definitions grouped by layer, with drift and conformance; filters live in the URL. */
export function DefinitionsCatalogue({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const { view, update } = useCatalogueView();
  const [notice, setNotice] = useState<string | null>(null);
  // The whole catalogue arrives once and is filtered here: typing answers at once, and the drift of
  // every definition is computed in one pass on the server anyway.
  const list = useQuery({ ...trpc.definitions.list.queryOptions({ clusterId }), refetchInterval: REFRESH_MS });
  const groups = list.data ? groupByLayer(list.data, view) : [];
  // "checked 5 min ago" counts from when the list was read, so a render does not change it.
  const now = new Date(list.dataUpdatedAt);

  const actions = (
    <>
      <Button asChild>
        <Link href={importHref(clusterId)}>
          <Import aria-hidden className="size-4" />
          Import topics
        </Link>
      </Button>
      <Button asChild>
        <Link href={planHref(clusterId)}>
          <ClipboardList aria-hidden className="size-4" />
          Plan changes
        </Link>
      </Button>
      <YamlExportButton clusterId={clusterId} layer={view.layer} />
      <YamlImportDialog clusterId={clusterId} onSaved={(saved) => setNotice(savedSentence(saved))} />
    </>
  );

  return (
    <section aria-labelledby="catalogue-heading" className="space-y-5">
      <header className="space-y-1">
        <h1 id="catalogue-heading" className="text-2xl font-semibold">
          Catalogue
        </h1>
        <p className="text-muted text-sm">
          The intended state of each topic — layer, owner, schema — held against the live cluster.
        </p>
      </header>
      <CatalogueToolbar view={view} onChange={update} actions={actions} />
      {notice ? <Banner tone="info" title={notice} /> : null}
      <ErrorBanner
        error={list.error}
        actions={
          <Button onClick={() => void list.refetch()} disabled={list.isFetching}>
            Retry
          </Button>
        }
      />
      {list.isPending ? (
        <Card aria-busy="true" aria-label="Loading definitions" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : list.data && list.data.length === 0 ? (
        <Card>
          <EmptyState icon={<BookOpen aria-hidden className="size-8" />} title="No topic is defined yet">
            <p>Import existing topics to start from what the cluster holds, or import a YAML file of definitions.</p>
          </EmptyState>
        </Card>
      ) : list.data && groups.length === 0 ? (
        <Card>
          <EmptyState title="No definition matches these filters">
            <Button variant="secondary" className="mt-2" onClick={() => update(EMPTY_CATALOGUE_VIEW)}>
              Clear the filters
            </Button>
          </EmptyState>
        </Card>
      ) : (
        groups.map((group) => (
          <LayerTable key={group.layer} clusterId={clusterId} group={group} onFilter={update} now={now} />
        ))
      )}
    </section>
  );
}
