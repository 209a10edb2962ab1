"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_LAG_RANGE, parseLagRange, type TLagRange } from "~/domain/groups/lag-range";

/** The URL key of the lag chart's range: `?lag=6h` reproduces the view from a link. */
export const LAG_RANGE_PARAM = "lag";

/** The chart's range, kept in the URL next to the page's other parameters; a change replaces the entry. */
export function useLagRange(): [TLagRange, (range: TLagRange) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const range = parseLagRange(searchParams.get(LAG_RANGE_PARAM));
  const setRange = useCallback(
    (next: TLagRange) => {
      const params = new URLSearchParams(searchParams.toString());
      if (next === DEFAULT_LAG_RANGE) params.delete(LAG_RANGE_PARAM);
      else params.set(LAG_RANGE_PARAM, next);
      const search = params.toString();
      router.replace(`${pathname}${search === "" ? "" : `?${search}`}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  return [range, setRange];
}
