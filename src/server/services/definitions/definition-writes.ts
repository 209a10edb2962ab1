import "server-only";
import { forgetTopicSchemas } from "~/server/services/messages/schemas/topic-schema";
import {
  SCHEMA_FORMAT_LABELS,
  type TTopicDefinition,
  type TTopicDefinitionFields,
} from "~/domain/definitions/definition";
import { checkCompatibility } from "~/domain/schemas/compatibility";
import { compileValueSchema } from "~/domain/schemas/value-schema";
import { AppError } from "~/lib/app-error";
import { findDefinition, saveDefinitionsTogether, type TDefinitionWrite } from "~/server/db/topic-definitions";
import { pluralize } from "~/lib/format";
import { audited, type TAuditActor } from "../audit/audited";
import type { TRegisteredCluster } from "../clusters/registered-clusters";

/** A definition's versions share one format: switching it would leave the stored versions unreadable. */
export function refuseFormatSwitch(existing: TTopicDefinition | null, fields: TTopicDefinitionFields): void {
  const newest = existing?.schemaVersions.at(-1);
  if (!newest || fields.schemaFormat === newest.format) return;
  throw new AppError(
    "BAD_INPUT",
    `The schema of ${fields.topicName} is ${SCHEMA_FORMAT_LABELS[newest.format]} (version ${newest.version}); a definition keeps one schema format.`,
    "Keep the format, or remove the definition and define the topic again with the new format.",
  );
}

/**
 * Checks one imported definition and the schema texts it adds (oldest first) before anything is
 * stored: one format per definition, every text compiles, each is compatible with the one before
 * under the definition's mode. Throws the sentence naming the topic.
 */
export function prepareWrite(
  existing: TTopicDefinition | null,
  fields: TTopicDefinitionFields,
  newTexts: readonly string[],
): TDefinitionWrite {
  refuseFormatSwitch(existing, fields);
  const format = fields.schemaFormat;
  if (newTexts.length > 0 && format === null) {
    throw new AppError(
      "BAD_INPUT",
      `${fields.topicName} has a schema text but no schema format.`,
      "Choose JSON Schema, Avro or Protobuf.",
    );
  }
  let previous = existing?.schemaVersions.at(-1)?.text ?? null;
  for (const text of newTexts) {
    if (format === null) break;
    const compiled = compileValueSchema(format, text);
    if (!compiled.ok) {
      throw new AppError("BAD_INPUT", `The schema of ${fields.topicName} does not compile: ${compiled.message}`);
    }
    if (previous !== null) {
      const compatibility = checkCompatibility(format, fields.compatibility, previous, text);
      if (!compatibility.ok) {
        throw new AppError(
          "BAD_INPUT",
          `The new schema of ${fields.topicName} is not ${fields.compatibility}-compatible with the one before: ${compatibility.reasons.join(" ")}`,
        );
      }
    }
    previous = text;
  }
  return { fields, schemaTexts: [...newTexts] };
}

/** Saves checked imports in one transaction under one audit row naming the topics. */
export async function saveImported(
  by: TAuditActor,
  cluster: TRegisteredCluster,
  action: string,
  writes: readonly TDefinitionWrite[],
): Promise<{ saved: number }> {
  const names = writes.map((write) => write.fields.topicName);
  const saved = await audited(
    {
      by,
      action,
      cluster,
      target: names.length === 1 ? names[0]! : pluralize(names.length, "definition"),
      details: { topicNames: names },
    },
    () => saveDefinitionsTogether(cluster.id, writes, by.actor.name),
  ).finally(() => forgetSchemasOf(cluster.id, names));
  return { saved };
}

/** Decoding and produce checks read schemas through a short cache; a changed definition must not wait for it. */
export function forgetSchemasOf(clusterId: string, topicNames: readonly (string | undefined)[]): void {
  for (const name of topicNames) if (name !== undefined) forgetTopicSchemas(clusterId, name);
}

/** The stored definition, or NOT_FOUND with what to do first. */
export async function requireDefinition(clusterId: string, topicName: string, hint: string): Promise<TTopicDefinition> {
  const definition = await findDefinition(clusterId, topicName);
  if (!definition) throw new AppError("NOT_FOUND", `There is no definition for ${topicName}.`, hint);
  return definition;
}
