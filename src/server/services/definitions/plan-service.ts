import "server-only";
import type { z } from "zod";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import type { ZPlanInput } from "~/domain/definitions/definition-requests";
import { diffDefinition, type TDefinitionKafkaFields, type TDrift } from "~/domain/definitions/drift";
import { planDefinitions, type TPlan } from "~/domain/definitions/plan";
import { AppError } from "~/lib/app-error";
import { listDefinitionKafkaFields } from "~/server/db/topic-definitions";
import type { TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { runPlanSteps } from "./apply-steps";
import { readLiveFor } from "./live-state";

/** The plan for these definitions against the cluster as it is now. */
export async function planForDefinitions(clusterId: string, definitions: readonly TDefinitionKafkaFields[]) {
  const live = await readLiveFor(await getCluster(clusterId), definitions);
  return planDefinitions(definitions, live.topics, { liveBrokerCount: live.liveBrokerCount });
}

async function storedDefinitions(clusterId: string, topicNames?: readonly string[]) {
  const chosen = await listDefinitionKafkaFields(clusterId, topicNames);
  if (!topicNames) return chosen;
  const defined = new Set(chosen.map((definition) => definition.topicName));
  const missing = topicNames.filter((name) => !defined.has(name));
  if (missing.length > 0) {
    throw new AppError(
      "NOT_FOUND",
      `There is no definition for ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " …" : ""}.`,
      "Import the topic or write its definition first.",
    );
  }
  return chosen;
}

/** Drift of every stored definition of the cluster (or of one), from one read of the cluster. */
export async function driftForCluster(clusterId: string, topicName?: string): Promise<TDrift[]> {
  const definitions = await storedDefinitions(clusterId, topicName === undefined ? undefined : [topicName]);
  const live = await readLiveFor(await getCluster(clusterId), definitions);
  return definitions.map((definition) => diffDefinition(definition, live.topics.get(definition.topicName) ?? null));
}

export async function planForCluster(clusterId: string, topicNames?: string[]): Promise<TPlan> {
  return planForDefinitions(clusterId, await storedDefinitions(clusterId, topicNames));
}

export type TApplyOptions = { onProgress?: (event: TApplyEvent) => void; signal?: AbortSignal };
export type TApplyOutcome = { applied: number; failed: boolean; cancelled: boolean; sentence: string | null };

/**
 * Runs a plan's steps in order, one audit row each, and stops at the first error (its sentence in
 * the outcome and the failed step's event). Refused changes are not steps: they never reach Kafka.
 * Used by the CLI; the web app streams the same events through `applyStream`.
 */
export async function applyPlan(
  by: TAuditActor,
  clusterId: string,
  plan: TPlan,
  options: TApplyOptions = {},
): Promise<TApplyOutcome> {
  const cluster = await getClusterForChange(clusterId);
  const signal = options.signal ?? new AbortController().signal;
  let outcome: TApplyOutcome = { applied: 0, failed: false, cancelled: false, sentence: null };
  for await (const event of runPlanSteps(by, cluster, plan, signal)) {
    options.onProgress?.(event);
    if (event.kind === "step" && event.status === "failed") outcome = { ...outcome, sentence: event.sentence ?? null };
    if (event.kind === "finished") {
      const { kind: _kind, ...finished } = event;
      outcome = { ...outcome, ...finished };
    }
  }
  return outcome;
}

/** `definitions.applyPlan`: plans again on the server (never trusts a plan from the browser), then runs it. */
export async function* applyStream(
  by: TAuditActor,
  input: z.output<typeof ZPlanInput>,
  signal: AbortSignal,
): AsyncGenerator<TApplyEvent> {
  const cluster = await getClusterForChange(input.clusterId);
  const plan = await planForCluster(input.clusterId, input.topicNames);
  yield { kind: "plan", plan };
  yield* runPlanSteps(by, cluster, plan, signal);
}
