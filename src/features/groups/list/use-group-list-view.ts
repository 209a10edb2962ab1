"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { groupListViewToSearch, parseGroupListView, type TGroupListView } from "./group-list-url";

/** The list's search, sort and page, kept in the URL; changes replace the history entry. */
export function useGroupListView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo(() => parseGroupListView(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<TGroupListView>) => {
      // Anything but paging itself changes which rows exist, so it starts again at page 1.
      const resetsPage = Object.keys(change).some((key) => key !== "page");
      const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...change };
      router.replace(`${pathname}${groupListViewToSearch(next)}`, { scroll: false });
    },
    [pathname, router, view],
  );

  return { view, update };
}
