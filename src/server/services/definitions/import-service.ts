import "server-only";
import type { z } from "zod";
import type { TImportDraft } from "~/domain/definitions/definition-dto";
import type { ZImportDraftsInput, ZImportTopicsInput } from "~/domain/definitions/definition-requests";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function importDrafts(
  by: TAuditActor,
  input: z.output<typeof ZImportDraftsInput>,
): Promise<TImportDraft[]> {
  void by;
  void input;
  return notYet();
}
export async function importTopics(
  by: TAuditActor,
  input: z.output<typeof ZImportTopicsInput>,
): Promise<{ saved: number }> {
  void by;
  void input;
  return notYet();
}
