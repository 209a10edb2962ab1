"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Same-tab writes do not fire "storage" events; this one does, so every reader re-renders. */
const LOCAL_EVENT = "tributary:local-setting";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(LOCAL_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(LOCAL_EVENT, onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage can be disabled (private modes, policies); the default applies then.
    return null;
  }
}

/** A string remembered in this browser's localStorage under `key`, shared live by all readers. */
export function useLocalSetting(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Not remembered, but still applied below for this page.
      }
      window.dispatchEvent(new Event(LOCAL_EVENT));
    },
    [key],
  );
  return [value, set];
}
