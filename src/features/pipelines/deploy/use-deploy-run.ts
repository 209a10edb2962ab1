"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { TDeployEvent } from "~/domain/pipelines/runtime/deploy-progress";
import { useTRPC } from "~/trpc/react";
import { useStepRun } from "../../definitions/plan/use-step-run";
import { cancelDeployRun, deployRunEvent, STARTING_DEPLOY, type TDeployRun } from "./deploy-run";

type TDeployInput = { clusterId: string; pipelineId: string; revision: number };

/**
 * One deploy at a time over the `runtime.deploy` subscription, run as the definitions apply runs:
 * unsubscribing (Cancel, closing the dialog) stops it before its next step. When it ends, every
 * runtime query is read again (plan, status, overlay).
 */
export function useDeployRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { input, handlers, run, start, cancel, reset } = useStepRun<TDeployInput, TDeployEvent, TDeployRun>({
    starting: STARTING_DEPLOY,
    onEvent: deployRunEvent,
    onCancel: cancelDeployRun,
    onSettle: () => void queryClient.invalidateQueries({ queryKey: trpc.runtime.pathKey() }),
  });
  useSubscription(trpc.runtime.deploy.subscriptionOptions(input ?? skipToken, handlers));
  return { run, start, cancel, reset };
}
