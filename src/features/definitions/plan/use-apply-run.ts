"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useState } from "react";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { applyRunEvent, cancelRun, STARTING_RUN, type TApplyRun } from "./apply-run";

type TApplyInput = { clusterId: string; topicNames?: string[] };

/**
 * One apply at a time over the `definitions.applyPlan` subscription. The server plans again and runs
 * step by step; unsubscribing (cancel, leaving the page) stops it before its next step. When it ends,
 * every definitions query is read again, so the drift and the plan show what Kafka holds now.
 */
export function useApplyRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<TApplyInput | null>(null);
  const [run, setRun] = useState<TApplyRun | null>(null);

  const settle = useCallback(() => {
    setInput(null);
    void queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() });
  }, [queryClient, trpc]);

  useSubscription(
    trpc.definitions.applyPlan.subscriptionOptions(input ?? skipToken, {
      onData: (event) => {
        setRun((current) => applyRunEvent(current ?? STARTING_RUN, event));
        if (event.kind === "finished") settle();
      },
      onError: (error) => {
        setRun((current) => ({ ...(current ?? STARTING_RUN), state: "error", sentence: toUserMessage(error).message }));
        settle();
      },
    }),
  );

  const start = useCallback((next: TApplyInput) => {
    setRun(STARTING_RUN);
    setInput(next);
  }, []);

  const cancel = useCallback(() => {
    setRun((current) => (current ? cancelRun(current) : current));
    settle();
  }, [settle]);

  return { run, start, cancel, reset: () => setRun(null) };
}
