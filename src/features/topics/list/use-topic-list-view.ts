"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseTopicListView, topicListViewToSearch, type TTopicListView } from "./topic-list-url";

/**
 * The list's search, filter, sort and page, kept in the URL (so a view can be shared and survives
 * reload). Changes replace the history entry rather than pushing one per keystroke.
 */
export function useTopicListView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo(() => parseTopicListView(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<TTopicListView>) => {
      // Anything but paging itself changes which rows exist, so it starts again at page 1.
      const resetsPage = Object.keys(change).some((key) => key !== "page");
      const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...change };
      router.replace(`${pathname}${topicListViewToSearch(next)}`, { scroll: false });
    },
    [pathname, router, view],
  );

  return { view, update };
}
