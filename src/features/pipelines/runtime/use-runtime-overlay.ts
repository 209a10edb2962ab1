"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { useTRPC } from "~/trpc/react";

/** The live overlay of one pipeline and the subscription's error (null until the first event). */
export type TRuntimeWatch = { overlay: TRuntimeOverlay | null; error: unknown };

/**
 * Opens `runtime.watch` once for the editor (the canvas and the sidebar share it): about one event a
 * second, from one shared poll on the server however many tabs watch the pipeline.
 */
export function useRuntimeOverlay(clusterId: string, pipelineId: string): TRuntimeWatch {
  const trpc = useTRPC();
  const watch = useSubscription(trpc.runtime.watch.subscriptionOptions({ clusterId, pipelineId }));
  return { overlay: watch.data ?? null, error: watch.error };
}
