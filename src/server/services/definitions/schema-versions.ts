import "server-only";
import type { z } from "zod";
import { SCHEMA_FORMAT_LABELS, type TSchemaVersion, type TTopicDefinition } from "~/domain/definitions/definition";
import type { TSchemaCheck } from "~/domain/definitions/definition-dto";
import type { ZSchemaTextInput } from "~/domain/definitions/definition-requests";
import { checkCompatibility } from "~/domain/schemas/compatibility";
import { compileValueSchema } from "~/domain/schemas/value-schema";
import { AppError } from "~/lib/app-error";
import { findDefinition, insertSchemaVersion } from "~/server/db/topic-definitions";
import { forgetSchemasOf, requireDefinition } from "./definition-writes";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";

type TSchemaTextInput = z.output<typeof ZSchemaTextInput>;

/** Compiles the text and holds it against the newest version under the definition's compatibility mode. */
function judge(definition: TTopicDefinition | null, input: TSchemaTextInput): TSchemaCheck {
  const newest = definition?.schemaVersions.at(-1) ?? null;
  const compiled = compileValueSchema(input.format, input.text);
  const compileError = compiled.ok ? null : compiled.message;
  if (!definition || !newest) return { compileError, compatibility: { ok: true }, previousVersion: null };
  if (newest.format !== input.format) {
    const reason = `Version ${newest.version} is ${SCHEMA_FORMAT_LABELS[newest.format]}; a definition keeps one schema format.`;
    return { compileError, compatibility: { ok: false, reasons: [reason] }, previousVersion: newest.version };
  }
  const compatibility = compiled.ok
    ? checkCompatibility(input.format, definition.compatibility, newest.text, input.text)
    : ({ ok: true } as const);
  return { compileError, compatibility, previousVersion: newest.version };
}

/** Live feedback while a schema is edited: nothing is stored. */
export async function checkSchema(input: TSchemaTextInput): Promise<TSchemaCheck> {
  await getCluster(input.clusterId);
  return judge(await findDefinition(input.clusterId, input.topicName), input);
}

/**
 * Stores the text as the definition's next schema version — refused with the compiler's sentence,
 * or with every compatibility reason, when it does not fit.
 */
export async function addSchemaVersion(by: TAuditActor, input: TSchemaTextInput): Promise<TSchemaVersion> {
  const cluster = await getClusterForChange(input.clusterId);
  const definition = await requireDefinition(
    input.clusterId,
    input.topicName,
    "Save the definition first, then add its schema.",
  );
  const check = judge(definition, input);
  if (check.compileError) {
    throw new AppError(
      "BAD_INPUT",
      `The schema does not compile: ${check.compileError}`,
      "Fix the schema and save again.",
    );
  }
  if (!check.compatibility.ok) {
    throw new AppError(
      "BAD_INPUT",
      `This schema is not ${definition.compatibility}-compatible with version ${check.previousVersion}: ${check.compatibility.reasons.join(" ")}`,
      "Change the schema, or the definition's compatibility mode if the break is intended.",
    );
  }
  const version = (check.previousVersion ?? 0) + 1;
  return audited(
    {
      by,
      action: "definition.schema-version",
      cluster,
      target: input.topicName,
      details: { version, format: input.format },
    },
    () =>
      insertSchemaVersion(definition.id, version, input.format, input.text, by.actor.name).catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new AppError(
              "CONFLICT",
              `Someone else saved version ${version} of ${input.topicName} just now.`,
              "Reload the definition and compare.",
            )
          : error;
      }),
  ).finally(() => forgetSchemasOf(input.clusterId, [input.topicName]));
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof AppError && error.cause instanceof Error && /P2002|Unique constraint/i.test(error.cause.message)
  );
}
