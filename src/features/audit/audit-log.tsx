"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { AuditExport } from "./audit-export";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { useAuditView } from "./use-audit-view";

/** Who changed or read what, where, from which address, and how it ended: newest first, filtered in the URL. */
export function AuditLog() {
  const trpc = useTRPC();
  const { view, update } = useAuditView();
  const log = useQuery({
    ...trpc.admin.audit.list.queryOptions({ filter: view.filter, before: view.before ?? undefined }),
    placeholderData: keepPreviousData,
  });
  // The cluster names for the filter; the log still works when Kafka-side listing fails.
  const clusters = useQuery(trpc.clusters.list.queryOptions());
  const isFiltered = Object.values(view.filter).some(Boolean);

  return (
    <section aria-labelledby="audit-heading" className="space-y-5">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 id="audit-heading" className="text-2xl font-semibold">
          Audit log
        </h1>
        {log.data ? (
          <span className="text-muted text-sm" data-testid="audit-retention">
            Rows are kept {log.data.retentionDays} days (AUDIT_RETENTION_DAYS).
          </span>
        ) : null}
      </header>

      <Card className="p-5">
        <AuditFilters
          filter={view.filter}
          clusters={clusters.data ?? []}
          onApply={(filter) => update({ filter, before: null })}
        />
      </Card>

      <AuditExport filter={view.filter} />

      <ErrorBanner
        error={log.error}
        actions={
          <Button onClick={() => void log.refetch()} disabled={log.isFetching}>
            Retry
          </Button>
        }
      />

      {log.isPending ? (
        <Card aria-busy="true" aria-label="Loading the audit log" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : log.data ? (
        <Card>
          {log.data.rows.length === 0 ? (
            <EmptyState icon={<ScrollText aria-hidden className="size-6" />} title="No audit rows match.">
              {isFiltered ? "Widen the filters or the time range." : "Changes and message reads appear here."}
            </EmptyState>
          ) : (
            <AuditTable rows={log.data.rows} />
          )}
          <nav aria-label="Audit log pages" className="border-line flex justify-end gap-2 border-t px-5 py-3 text-sm">
            <Button variant="ghost" disabled={!view.before} onClick={() => update({ ...view, before: null })}>
              Newest
            </Button>
            <Button
              variant="ghost"
              disabled={!log.data.nextBefore}
              onClick={() => update({ ...view, before: log.data.nextBefore })}
            >
              Older
            </Button>
          </nav>
        </Card>
      ) : null}
    </section>
  );
}
