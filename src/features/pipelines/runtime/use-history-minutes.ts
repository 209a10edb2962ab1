"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_HISTORY_MINUTES, parseHistoryMinutes, type THistoryMinutes } from "./history-rows";

/** The URL key of the step charts' range: a link reproduces the view. */
const MINUTES_PARAM = "minutes";

/**
 * The charts' range in the URL next to the editor's `?node=`. replaceState, as `?node=` does: no
 * history entry per click and no round trip to the server (Next keeps useSearchParams in step).
 */
export function useHistoryMinutes(): [THistoryMinutes, (minutes: THistoryMinutes) => void] {
  const minutes = parseHistoryMinutes(useSearchParams().get(MINUTES_PARAM));
  const setMinutes = useCallback((next: THistoryMinutes) => {
    const url = new URL(window.location.href);
    if (next === DEFAULT_HISTORY_MINUTES) url.searchParams.delete(MINUTES_PARAM);
    else url.searchParams.set(MINUTES_PARAM, String(next));
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return [minutes, setMinutes];
}
