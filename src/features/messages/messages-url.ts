"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export const MESSAGE_MODES = ["browse", "tail", "search"] as const;
export type TMessageMode = (typeof MESSAGE_MODES)[number];

export function parseMessageMode(value: string | null): TMessageMode {
  return MESSAGE_MODES.find((mode) => mode === value) ?? "browse";
}

/**
 * The messages tab keeps everything a link should reproduce in the query string (mode, partition,
 * start position, filter…). `update` merges changes into it (null deletes a key) without a server
 * round trip: Next keeps useSearchParams in sync with the native history API.
 */
export function useMessageParams() {
  const pathname = usePathname();
  const params = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null>, options?: { push?: boolean }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      const url = `${pathname}?${next.toString()}`;
      if (options?.push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return { params, update };
}
