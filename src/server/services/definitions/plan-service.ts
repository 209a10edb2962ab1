import "server-only";
import type { z } from "zod";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import type { ZPlanInput } from "~/domain/definitions/definition-requests";
import type { TDrift } from "~/domain/definitions/drift";
import type { TPlan } from "~/domain/definitions/plan";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function driftForCluster(clusterId: string, topicName?: string): Promise<TDrift[]> {
  void clusterId;
  void topicName;
  return notYet();
}
export async function planForCluster(clusterId: string, topicNames?: string[]): Promise<TPlan> {
  void clusterId;
  void topicNames;
  return notYet();
}
export async function* applyStream(
  by: TAuditActor,
  input: z.output<typeof ZPlanInput>,
  signal: AbortSignal,
): AsyncGenerator<TApplyEvent> {
  void by;
  void input;
  void signal;
  return notYet();
}
