import "server-only";
import type { z } from "zod";
import type { ZExportYamlInput, ZImportYamlInput } from "~/domain/definitions/definition-requests";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function exportYaml(
  input: z.output<typeof ZExportYamlInput>,
): Promise<{ yaml: string; fileName: string }> {
  void input;
  return notYet();
}
export async function importYaml(
  by: TAuditActor,
  input: z.output<typeof ZImportYamlInput>,
): Promise<{ saved: number }> {
  void by;
  void input;
  return notYet();
}
