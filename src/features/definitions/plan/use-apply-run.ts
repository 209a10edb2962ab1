"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import { useTRPC } from "~/trpc/react";
import { applyRunEvent, cancelRun, STARTING_RUN, type TApplyRun } from "./apply-run";
import { useStepRun } from "./use-step-run";

type TApplyInput = { clusterId: string; topicNames?: string[] };

/**
 * One apply at a time over the `definitions.applyPlan` subscription. The server plans again and runs
 * step by step; unsubscribing (cancel, leaving the page) stops it before its next step. When it ends,
 * every definitions query is read again, so the drift and the plan show what Kafka holds now.
 */
export function useApplyRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { input, handlers, run, start, cancel, reset } = useStepRun<TApplyInput, TApplyEvent, TApplyRun>({
    starting: STARTING_RUN,
    onEvent: applyRunEvent,
    onCancel: cancelRun,
    onSettle: () => void queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() }),
  });
  useSubscription(trpc.definitions.applyPlan.subscriptionOptions(input ?? skipToken, handlers));
  return { run, start, cancel, reset };
}
