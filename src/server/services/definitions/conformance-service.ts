import "server-only";
import type { z } from "zod";
import type { TStoredConformance } from "~/domain/definitions/definition-dto";
import type { ZConformanceInput } from "~/domain/definitions/definition-requests";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function runConformanceCheck(
  by: TAuditActor,
  input: z.output<typeof ZConformanceInput>,
): Promise<TStoredConformance> {
  void by;
  void input;
  return notYet();
}
