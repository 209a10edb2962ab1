"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { skipToken } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { TMessage } from "~/domain/messages/message";
import type { TSearchEvent, TSearchInput, TSearchProgress } from "~/domain/messages/search-query";
import { useTRPC } from "~/trpc/react";

export type TSearchRun =
  | { state: "idle" }
  | { state: "running"; progress: TSearchProgress | null }
  | { state: "done"; progress: TSearchProgress; status: "complete" | "partial"; sentence: string }
  | { state: "cancelled"; progress: TSearchProgress | null }
  | { state: "error"; error: unknown };

/**
 * One search at a time over `search.run`. Matches arrive with progress events (at most two a
 * second), so each event is one render. Cancelling unsubscribes, which aborts the scan on the server.
 */
export function useSearchRun() {
  const trpc = useTRPC();
  const [input, setInput] = useState<TSearchInput | null>(null);
  const [run, setRun] = useState<TSearchRun>({ state: "idle" });
  const [matches, setMatches] = useState<readonly TMessage[]>([]);

  const onData = useCallback((event: TSearchEvent<TMessage>) => {
    if (event.newMatches.length > 0) {
      // At most two events a second and 500 matches: copying is cheap.
      setMatches((current) => [...current, ...event.newMatches]);
    }
    const { partitions, scanned, matches: count, elapsedMs } = event;
    const progress = { partitions, scanned, matches: count, elapsedMs };
    if (event.type === "done") {
      setRun({ state: "done", progress, status: event.status, sentence: event.sentence });
      setInput(null);
    } else setRun({ state: "running", progress });
  }, []);

  useSubscription(
    trpc.messages.search.subscriptionOptions(input ?? skipToken, {
      // A reconnect starts the scan over; its matches replace the ones seen so far.
      onStarted: () => {
        setMatches([]);
      },
      onData,
      onError: (error) => {
        setRun({ state: "error", error });
        setInput(null);
      },
    }),
  );

  const start = useCallback((next: TSearchInput) => {
    setMatches([]);
    setRun({ state: "running", progress: null });
    setInput(next);
  }, []);

  const cancel = useCallback(() => {
    setInput(null);
    setRun((current) => (current.state === "running" ? { state: "cancelled", progress: current.progress } : current));
  }, []);

  // Esc cancels a running search from anywhere on the page.
  const isRunning = run.state === "running";
  useEffect(() => {
    if (!isRunning) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") cancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isRunning, cancel]);

  return { run, matches, start, cancel };
}
