"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useState } from "react";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { cancelDeployRun, deployRunEvent, STARTING_DEPLOY, type TDeployRun } from "./deploy-run";

type TDeployInput = { clusterId: string; pipelineId: string; revision: number };

/**
 * One deploy at a time over the `runtime.deploy` subscription, as the definitions apply runs: the
 * server plans again and runs step by step; unsubscribing (Cancel, closing the dialog) stops it
 * before its next step. When it ends, every runtime query is read again (plan, status, overlay).
 */
export function useDeployRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<TDeployInput | null>(null);
  const [run, setRun] = useState<TDeployRun | null>(null);

  const settle = useCallback(() => {
    setInput(null);
    void queryClient.invalidateQueries({ queryKey: trpc.runtime.pathKey() });
  }, [queryClient, trpc]);

  useSubscription(
    trpc.runtime.deploy.subscriptionOptions(input ?? skipToken, {
      onData: (event) => {
        setRun((current) => deployRunEvent(current ?? STARTING_DEPLOY, event));
        if (event.kind === "finished") settle();
      },
      onError: (error) => {
        setRun((current) => ({
          ...(current ?? STARTING_DEPLOY),
          state: "error",
          sentence: toUserMessage(error).message,
        }));
        settle();
      },
    }),
  );

  const start = useCallback((next: TDeployInput) => {
    setRun(STARTING_DEPLOY);
    setInput(next);
  }, []);

  const cancel = useCallback(() => {
    setRun((current) => (current ? cancelDeployRun(current) : current));
    settle();
  }, [settle]);

  const reset = useCallback(() => setRun(null), []);

  return { run, start, cancel, reset };
}
