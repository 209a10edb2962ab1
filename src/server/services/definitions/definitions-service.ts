import "server-only";
import type { TTopicDefinition } from "~/domain/definitions/definition";
import type { TDefinitionDetail, TDefinitionSummary } from "~/domain/definitions/definition-dto";
import type { ZDefinitionListInput, ZDefinitionSaveInput } from "~/domain/definitions/definition-requests";
import type { z } from "zod";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function listDefinitionSummaries(
  input: z.output<typeof ZDefinitionListInput>,
): Promise<TDefinitionSummary[]> {
  void input;
  return notYet();
}
export async function getDefinitionDetail(clusterId: string, topicName: string): Promise<TDefinitionDetail | null> {
  void clusterId;
  void topicName;
  return notYet();
}
export async function saveDefinition(
  by: TAuditActor,
  input: z.output<typeof ZDefinitionSaveInput>,
): Promise<TTopicDefinition> {
  void by;
  void input;
  return notYet();
}
export async function removeDefinition(by: TAuditActor, clusterId: string, topicName: string): Promise<void> {
  void by;
  void clusterId;
  void topicName;
  return notYet();
}
