"use client";

import { Pager } from "~/components/ui/pager";
import { SearchBox } from "~/components/ui/search-box";
import { GROUP_PAGE_SIZES } from "~/domain/groups/group-list-query";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { GroupTable } from "./group-table";
import { useGroupListView } from "./use-group-list-view";

/** How often the list asks again, so lag moves and new groups show up without a reload. */
const REFRESH_MS = 2000;

/** One cluster's consumer groups with lag: search, sort and paging live in the URL; rows refresh every 2 s. */
export function GroupList({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const { view, update } = useGroupListView();
  const groups = useQuery({
    ...trpc.groups.list.queryOptions({ clusterId, ...view }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const error = groups.isError ? toUserMessage(groups.error) : null;

  return (
    <section aria-labelledby="groups-heading" className="space-y-5">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 id="groups-heading" className="text-2xl font-semibold">
          Consumer groups
        </h1>
        {groups.isPlaceholderData ? <span className="text-muted text-sm">updating…</span> : null}
      </header>

      <SearchBox
        search={view.search}
        onSearchChange={(search) => update({ search })}
        label="Search consumer groups by id"
        placeholder="Search groups…"
      />

      {error ? (
        <Banner
          tone="danger"
          title={error.message}
          actions={
            <Button onClick={() => void groups.refetch()} disabled={groups.isFetching}>
              Retry
            </Button>
          }
        >
          {error.hint}
          {groups.data ? " The rows below are the last ones seen." : null}
        </Banner>
      ) : null}

      {groups.isPending ? (
        <Card aria-busy="true" aria-label="Loading consumer groups" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : groups.data ? (
        <Card>
          {groups.data.items.length === 0 ? (
            <EmptyState
              icon={<Users aria-hidden className="size-6" />}
              title={emptyTitle(view.search, groups.data.total)}
            >
              {view.search
                ? "Try another part of the group id."
                : "A group appears here once a consumer joins it or offsets are committed for it."}
            </EmptyState>
          ) : (
            <GroupTable
              clusterId={clusterId}
              groups={groups.data.items}
              sort={view.sort}
              direction={view.direction}
              onSort={(sort, direction) => update({ sort, direction })}
            />
          )}
          {groups.data.total > 0 ? (
            <div className="border-line border-t">
              <Pager
                label="Group pages"
                pageSizes={GROUP_PAGE_SIZES}
                page={view.page}
                pageSize={view.pageSize}
                total={groups.data.total}
                onPageChange={(page) => update({ page })}
                onPageSizeChange={(pageSize) => update({ pageSize })}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}

function emptyTitle(search: string, total: number): string {
  if (search) return `No consumer group matches “${search}”.`;
  if (total > 0) return "This page is past the last group.";
  return "This cluster has no consumer groups yet.";
}
