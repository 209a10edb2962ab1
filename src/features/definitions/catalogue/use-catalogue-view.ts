"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { catalogueViewToSearch, parseCatalogueView, type TCatalogueView } from "./catalogue-url";

/** The catalogue's search and filters, kept in the URL so a view can be shared; changes replace the history entry. */
export function useCatalogueView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo(() => parseCatalogueView(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<TCatalogueView>) => {
      router.replace(`${pathname}${catalogueViewToSearch({ ...view, ...change })}`, { scroll: false });
    },
    [pathname, router, view],
  );
  return { view, update };
}
