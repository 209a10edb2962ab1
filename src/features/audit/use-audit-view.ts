"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { auditViewToSearch, parseAuditView, type TAuditView } from "./audit-url";

/** The audit page's filters and page cursor, kept in the URL; changes push a history entry. */
export function useAuditView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo(() => parseAuditView(searchParams), [searchParams]);

  const update = useCallback(
    (next: TAuditView) => router.push(`${pathname}${auditViewToSearch(next)}`, { scroll: false }),
    [pathname, router],
  );

  return { view, update };
}
