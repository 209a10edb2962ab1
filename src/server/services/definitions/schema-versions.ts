import "server-only";
import type { z } from "zod";
import type { TSchemaVersion } from "~/domain/definitions/definition";
import type { TSchemaCheck } from "~/domain/definitions/definition-dto";
import type { ZSchemaTextInput } from "~/domain/definitions/definition-requests";
import type { TAuditActor } from "../audit/audited";
import { notYet } from "./not-yet";

export async function checkSchema(input: z.output<typeof ZSchemaTextInput>): Promise<TSchemaCheck> {
  void input;
  return notYet();
}
export async function addSchemaVersion(
  by: TAuditActor,
  input: z.output<typeof ZSchemaTextInput>,
): Promise<TSchemaVersion> {
  void by;
  void input;
  return notYet();
}
